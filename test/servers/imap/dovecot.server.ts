import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
  /** Puts a raw mail into a mailbox, as a delivery would (or, with flags and a date, as old mail a person already handled); returns its UID. */
  append(raw: Buffer, options?: AppendOptions): Promise<number>;
  /** Flags of every message in the mailbox, by UID. */
  flags(mailbox?: string): Promise<Map<number, Set<string>>>;
  /** Takes flags off every message, as a person marking mail unread would. */
  removeFlags(flags: string[], mailbox?: string): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same mail. */
  start(): Promise<void>;
  /** Stops it, forgets its UIDs (as a server rebuilding its index does: a new UIDVALIDITY, flags and dates kept) and starts it again. */
  rebuild(): Promise<void>;
  /** The mailbox's UIDVALIDITY. */
  uidValidity(mailbox?: string): Promise<string>;
  /** Stops it and deletes its folder. */
  close(): Promise<void>;
}

export interface AppendOptions {
  mailbox?: string;
  /** e.g. \Seen, \Answered */
  flags?: string[];
  /** INTERNALDATE: when the server received it. */
  date?: Date;
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
    append: (raw, { mailbox = 'INBOX', flags = [], date }: AppendOptions = {}) =>
      withClient(async (client) => {
        const appended = await client.append(mailbox, raw, flags, date);
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
    removeFlags: (flags, mailbox = 'INBOX') =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock(mailbox);
        try {
          if (client.mailbox && client.mailbox.exists) await client.messageFlagsRemove('1:*', flags);
        } finally {
          lock.release();
        }
      }),
    stop,
    start,
    async rebuild() {
      await stop();
      const maildir = join(dir, 'mail', user, 'Maildir');
      for (const name of readdirSync(maildir)) if (name.startsWith('dovecot')) rmSync(join(maildir, name), { recursive: true, force: true });
      // UIDVALIDITY is a timestamp in seconds: make sure the new one differs.
      await new Promise((resolveWait) => setTimeout(resolveWait, 1_100));
      await start();
    },
    uidValidity: (mailbox = 'INBOX') =>
      withClient(async (client) => {
        const status = await client.status(mailbox, { uidValidity: true });
        if (!status || status.uidValidity === undefined) throw new Error('STATUS gave no UIDVALIDITY');
        return String(status.uidValidity);
      }),
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
