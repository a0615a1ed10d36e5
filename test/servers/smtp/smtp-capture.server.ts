import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpCaptureServer {
  port: number;
  /** SMTP_* variables for the gateway. */
  env: Record<string, string>;
  readonly received: CapturedMail[];
  /** The next `count` deliveries are refused with this SMTP reply (e.g. 451 to test retries). */
  refuseNext(count: number, code: number, message?: string): void;
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a loopback port that keeps every mail it accepts. */
export async function startSmtpCapture(): Promise<SmtpCaptureServer> {
  const received: CapturedMail[] = [];
  let refusals: { count: number; code: number; message: string } = { count: 0, code: 451, message: '' };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals.count -= 1;
          const error = Object.assign(new Error(refusals.message || 'Try again later'), { responseCode: refusals.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelope, raw, parsed });
            callback(null);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_TLS: 'false' },
    received,
    refuseNext(count, code, message = '') {
      refusals = { count, code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
