import { OutboundEmail } from '@support/channels';
import { ChannelError, EmailConfig } from '@support/platform';
import nodemailer, { Transporter } from 'nodemailer';
import { EmailTransport } from './email-transport';

/** nodemailer over SMTP: implicit TLS when `secure`, else STARTTLS whenever the server offers it. */
export class SmtpEmailTransport extends EmailTransport {
  private readonly transporter: Transporter;

  constructor(smtp: EmailConfig['smtp']) {
    super();
    this.transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutboundEmail): Promise<void> {
    try {
      await this.transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: mail.headers,
        // nodemailer makes message/rfc822 parts inline unless told otherwise; a forward wants an attachment.
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
          contentDisposition: 'attachment' as const,
        })),
      });
    } catch (error) {
      const { responseCode, code, message } = error as { responseCode?: number; code?: string; message: string };
      // 5xx is a permanent refusal (RFC 5321 §4.2.1); 4xx, timeouts and connection errors may pass later.
      const retryable = responseCode === undefined || responseCode < 500;
      throw new ChannelError('email', `SMTP ${responseCode ?? code ?? 'error'}: ${message}`, retryable);
    }
  }

  close(): void {
    this.transporter.close();
  }
}
