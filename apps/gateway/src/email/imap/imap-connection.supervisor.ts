import { EmailConfig, Logger, Metrics } from '@support/platform';
import { ImapFlow } from 'imapflow';

export interface ImapSupervisorOptions {
  pollIntervalMs: number;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Keeps one IMAP connection to the mailbox open and calls `sync` whenever there may be new mail:
 * after connecting, on IDLE's EXISTS push, and every `pollIntervalMs` (the fallback for servers
 * and networks where IDLE does not work). An ImapFlow instance never reconnects, so after a drop
 * a new one is made, with exponential backoff. `sync` runs one at a time; a request during a run
 * queues exactly one more run.
 */
export class ImapConnectionSupervisor {
  private client: ImapFlow | null = null;
  private stopped = true;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;

  constructor(
    private readonly imap: EmailConfig['imap'],
    private readonly sync: (client: ImapFlow) => Promise<void>,
    private readonly options: ImapSupervisorOptions,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.pollTimer = setInterval(() => this.requestSync(), this.options.pollIntervalMs);
    this.pollTimer.unref();
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.syncing?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client) await Promise.race([client.logout().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    client?.close();
  }

  /** Runs `sync` now, or once more after the run in progress. */
  requestSync(): void {
    if (this.stopped || !this.client?.usable) return;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        const client = this.client;
        if (!client?.usable) return;
        try {
          await this.sync(client);
        } catch (error) {
          this.logger.error({ err: error }, 'mailbox sync failed; will try again');
        }
      } while (this.syncAgain && !this.stopped);
    })().finally(() => {
      this.syncing = null;
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new ImapFlow({
      host: this.imap.host,
      port: this.imap.port,
      secure: this.imap.secure,
      auth: { user: this.imap.user, pass: this.imap.password },
      logger: false,
      // IDLE starts this soon after the last command (the 15 s default delays push by as much).
      autoIdleDelay: 300,
      // Re-issue IDLE before NAT boxes and servers (RFC 2177: 29 min) drop a silent connection.
      maxIdleTime: 5 * 60_000,
      missingIdleCommand: 'NOOP',
      connectionTimeout: 30_000,
    });
    client.on('error', (error: Error) => this.logger.warn({ err: { message: error.message } }, 'IMAP connection error'));
    client.on('exists', () => this.requestSync());
    client.on('close', () => {
      if (this.client !== client) return;
      this.client = null;
      if (this.stopped) return;
      this.logger.warn('IMAP connection closed; reconnecting');
      this.metrics.emailReconnects.inc();
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.mailboxOpen(this.imap.mailbox);
      if (this.stopped) {
        await client.logout().catch(() => undefined);
        return;
      }
      this.client = client;
      this.failures = 0;
      this.logger.info({ mailbox: this.imap.mailbox, host: this.imap.host }, 'IMAP mailbox open');
      this.requestSync();
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'IMAP connect failed; retrying');
      client.close();
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const min = this.options.minBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 60_000;
    const delay = Math.min(max, min * 2 ** this.failures) * (0.75 + Math.random() * 0.5);
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
