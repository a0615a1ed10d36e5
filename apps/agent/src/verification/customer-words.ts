const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const ORDER_ID = /\bw\d{7}\b/g;
/** A whole address: "jürgen@x.de" is jürgen's, never "rgen@x.de". */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const ZIP = /(?<![\d-])\d{5}(?:-\d{4})?(?!\d)/g;

/**
 * What the customer themselves wrote in this conversation: their messages, and the details they typed
 * into the chat page's form. Proof of ownership counts only when it comes from here, never from the
 * arguments a model chose.
 */
export class CustomerWords {
  private readonly orderIds: Set<string>;
  private readonly emails: Set<string>;
  private readonly zips: Set<string>;

  constructor(texts: string[]) {
    const normalised = texts.map((t) => t.normalize('NFKC').replace(INVISIBLE, '').toLowerCase());
    const all = (pattern: RegExp, shape: (s: string) => string) => new Set(normalised.flatMap((t) => [...t.matchAll(pattern)].map((m) => shape(m[0]))));
    this.orderIds = all(ORDER_ID, (id) => id.toUpperCase());
    this.emails = all(EMAIL, (e) => e);
    this.zips = all(ZIP, (z) => z.slice(0, 5));
  }

  wroteOrderId(orderId: string): boolean {
    return this.orderIds.has(orderId.replace(/^#/, '').toUpperCase());
  }

  wroteEmail(email: string): boolean {
    return this.emails.has(email.normalize('NFKC').trim().toLowerCase());
  }

  wroteZip(zip: string): boolean {
    return this.zips.has(zip.trim().slice(0, 5));
  }
}
