import type { ParsedMail } from 'mailparser';

/** Raw header values by lower-case name, unfolded, in message order (mailparser's `headerLines`). */
export type RawHeaders = ReadonlyMap<string, string[]>;

export function rawHeaders(mail: Pick<ParsedMail, 'headerLines'>): RawHeaders {
  const headers = new Map<string, string[]>();
  for (const { key, line } of mail.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers.set(key.toLowerCase(), [...(headers.get(key.toLowerCase()) ?? []), value]);
  }
  return headers;
}

/** The `<id@host>` message ids in a Message-ID, In-Reply-To or References value, in order. */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values.flatMap((v) => v.match(/<[^<>\s]+>/g) ?? (v.trim() && !/\s/.test(v.trim()) ? [`<${v.trim().replace(/^<|>$/g, '')}>`] : []));
}

/** The bare address (`local@domain`, lower case) of an address header as mailparser parsed it. */
export function firstAddress(header: ParsedMail['from'] | ParsedMail['replyTo']): { address: string; name: string } | null {
  const entry = header?.value?.find((v) => v.address);
  return entry?.address ? { address: entry.address.trim().toLowerCase(), name: entry.name?.trim() ?? '' } : null;
}
