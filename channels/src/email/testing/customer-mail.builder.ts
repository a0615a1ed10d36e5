import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * A mail as a customer's client writes it, built by nodemailer's composer so the bytes are real
 * RFC 5322: `CustomerMailBuilder.from('ada@customer.example').subject('Order').text('Hi').build()`.
 */
export class CustomerMailBuilder {
  private options: NonNullable<ConstructorParameters<typeof MailComposer>[0]> = {
    to: 'support@shop.example',
    subject: 'A question',
    text: 'Hello, I have a question.',
    date: new Date('2025-03-04T10:00:00Z'),
    headers: {},
  };

  private constructor(from: string) {
    this.options.from = from;
  }

  static from(address = 'Ada Lovelace <ada@customer.example>'): CustomerMailBuilder {
    return new CustomerMailBuilder(address);
  }

  to(address: string): this {
    this.options.to = address;
    return this;
  }

  subject(subject: string): this {
    this.options.subject = subject;
    return this;
  }

  text(text: string): this {
    this.options.text = text;
    return this;
  }

  html(html: string, withText = false): this {
    this.options.html = html;
    if (!withText) delete this.options.text;
    return this;
  }

  messageId(id: string): this {
    this.options.messageId = id;
    return this;
  }

  /** Answers an earlier mail: In-Reply-To it, References its References plus it. */
  inReplyTo(parentId: string, references: string[] = []): this {
    this.options.inReplyTo = parentId;
    this.options.references = [...references, parentId];
    return this;
  }

  replyTo(address: string): this {
    this.options.replyTo = address;
    return this;
  }

  header(name: string, value: string): this {
    this.options.headers = { ...(this.options.headers as Record<string, string>), [name]: value };
    return this;
  }

  attach(filename: string, content: string, contentType = 'text/plain'): this {
    this.options.attachments = [...(this.options.attachments ?? []), { filename, content, contentType }];
    return this;
  }

  build(): Promise<Buffer> {
    return new Promise((resolve, reject) => new MailComposer(this.options).compile().build((error, message) => (error ? reject(error) : resolve(message))));
  }
}
