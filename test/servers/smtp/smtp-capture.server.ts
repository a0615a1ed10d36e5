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
  /** The next `count` mails are taken, then the connection is cut before the 250 reply: the sender cannot know they arrived. */
  cutAfterDataNext(count: number): void;
  /** Every 250 reply is held back this long after the mail is taken (0: at once). */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a loopback port that keeps every mail it accepts. */
export async function startSmtpCapture(): Promise<SmtpCaptureServer> {
  const received: CapturedMail[] = [];
  let refusals: { count: number; code: number; message: string } = { count: 0, code: 451, message: '' };
  let cuts = 0;
  let latencyMs = 0;
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
            if (cuts > 0) {
              cuts -= 1;
              return cutConnection(server, session.id);
            }
            setTimeout(() => callback(null), latencyMs);
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
    cutAfterDataNext(count) {
      cuts = count;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** smtp-server keeps its connections (with their sockets) in a set it does not type; the session id names one. */
function cutConnection(server: SMTPServer, sessionId: string): void {
  const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections;
  for (const connection of connections) if (connection.id === sessionId) connection._socket.destroy();
}
