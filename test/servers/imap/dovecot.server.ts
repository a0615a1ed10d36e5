import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../../scripts/dovecot-test-server.sh');

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** IMAP_* variables for the gateway. */
  env: Record<string, string>;
  /** Puts a raw mail into a mailbox, as a delivery would; returns its UID. */
  append(raw: Buffer, mailbox?: string): Promise<number>;
  /** Flags of every message in the mailbox, by UID. */
  flags(mailbox?: string): Promise<Map<number, Set<string>>>;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same mail. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  close(): Promise<void>;
}

/** Debian's dovecot on a free loopback port, with one user, in a temporary folder (scripts/dovecot-test-server.sh). */
export async function startDovecot(user = 'support@shop.example', password = 'test-password'): Promise<DovecotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dovecot-test-'));
  const port = await freePort();
  const start = async () => {
    await run('bash', [SCRIPT, 'start', dir, String(port), user, password]);
  };
  const stop = async () => {
    await run('bash', [SCRIPT, 'stop', dir]);
  };
  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => undefined);
    }
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    env: { IMAP_HOST: '127.0.0.1', IMAP_PORT: String(port), IMAP_TLS: 'false', IMAP_USER: user, IMAP_PASSWORD: password },
    append: (raw, mailbox = 'INBOX') =>
      withClient(async (client) => {
        const appended = await client.append(mailbox, raw);
        if (!appended || appended.uid === undefined) throw new Error('APPEND gave no UID');
        return appended.uid;
      }),
    flags: (mailbox = 'INBOX') =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock(mailbox);
        try {
          const all = client.mailbox && client.mailbox.exists ? await client.fetchAll('1:*', { uid: true, flags: true }) : [];
          return new Map(all.map((m) => [m.uid, m.flags ?? new Set<string>()]));
        } finally {
          lock.release();
        }
      }),
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
