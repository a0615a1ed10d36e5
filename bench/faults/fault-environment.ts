import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeTwilio, FakeTwilio } from '../../test/servers/twilio';
import { SmtpCaptureServer, startSmtpCapture } from '../../test/servers/smtp/smtp-capture.server';
import { reportProgress } from '../support/progress';
import { PrivateDovecot } from './private-dovecot';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis, RedisPersistence } from './private-redis';
import { ProductFleet } from './product-fleet';
import { TWILIO } from './twilio-account';

export const SUPPORT_ADDRESS = 'support@shop.example';

export interface FaultEnvironmentOptions {
  workers: number;
  redisPersistence: RedisPersistence;
  /** The product logs at this level (default warn); its logs are kept in files either way. */
  logLevel?: string;
  /** Keep the folders when the product fails to start, and say where they are in the error. */
  keep?: boolean;
}

/** Where a run's data and logs are, when `close({ keep: true })` left them. */
export interface KeptFolders {
  postgres: string;
  redis: string;
  dovecot: string;
  productLogs: string;
}

/**
 * Everything the burst runs against, all private to the bench: PostgreSQL, Redis and dovecot it can kill,
 * the local Twilio and SMTP servers (never killed: they stand for the providers), and the product's
 * gateway and agent workers as processes. No model key: the embedded engine answers.
 */
export class FaultEnvironment {
  private constructor(
    readonly postgres: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly dovecot: PrivateDovecot,
    readonly twilio: FakeTwilio,
    readonly smtp: SmtpCaptureServer,
    readonly fleet: ProductFleet,
    private readonly logDir: string,
  ) {}

  static async start(options: FaultEnvironmentOptions): Promise<FaultEnvironment> {
    reportProgress('starting a private PostgreSQL, Redis and dovecot, the local Twilio and SMTP servers');
    const [postgres, redis, dovecot, twilio, smtp] = await Promise.all([
      PrivatePostgres.create(),
      PrivateRedis.create(options.redisPersistence),
      PrivateDovecot.create(SUPPORT_ADDRESS),
      startFakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken }),
      startSmtpCapture(),
    ]);
    const env = () => ({ ...productEnv(postgres, redis, dovecot, twilio, smtp), LOG_LEVEL: options.logLevel ?? 'warn' });
    const logDir = mkdtempSync(join(tmpdir(), 'bench-faults-logs-'));
    const fleet = new ProductFleet(env, options.workers, logDir);
    const environment = new FaultEnvironment(postgres, redis, dovecot, twilio, smtp, fleet, logDir);
    reportProgress(`starting the gateway and ${options.workers} agent workers (migrations, demo shop, help center on the first start)`);
    try {
      await fleet.start();
    } catch (error) {
      await environment.close({ keep: options.keep });
      if (options.keep) (error as Error).message += `\nkept: ${Object.values(environment.folders).join(', ')}`;
      throw error;
    }
    return environment;
  }

  /** Where the private servers keep their data, and the product its logs. */
  get folders(): KeptFolders {
    return { postgres: this.postgres.folder, redis: this.redis.folder, dovecot: this.dovecot.folder, productLogs: this.logDir };
  }

  /** Stops everything; the private servers' folders and the product logs are removed, unless `keep`. */
  async close(options: { keep?: boolean } = {}): Promise<void> {
    const keep = options.keep ?? false;
    await this.fleet.stop().catch(() => undefined);
    await Promise.allSettled([this.postgres.close({ keep }), this.redis.close({ keep }), this.dovecot.close({ keep }), this.twilio.close(), this.smtp.close()]);
    if (!keep) rmSync(this.logDir, { recursive: true, force: true });
  }
}

function productEnv(
  postgres: PrivatePostgres,
  redis: PrivateRedis,
  dovecot: PrivateDovecot,
  twilio: FakeTwilio,
  smtp: SmtpCaptureServer,
): Record<string, string> {
  return {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    AGENT_CONCURRENCY: '4',
    PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_SMS_FROM: TWILIO.smsNumber,
    TWILIO_WHATSAPP_FROM: TWILIO.whatsappNumber,
    // Each bench customer sends one message; the per-sender limit is not what is measured.
    TWILIO_RATE_LIMIT_MESSAGES: '1000',
    TWILIO_API_TIMEOUT_MS: '5000',
    TWILIO_RECOVERY_INTERVAL_MS: '2000',
    TWILIO_UNKNOWN_GRACE_MS: '10000',
    TWILIO_DELIVERY_RETRY_DELAY_MS: '2000',
    ...dovecot.env,
    ...smtp.env,
    SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT_ADDRESS}>`,
    EMAIL_POLL_INTERVAL_MS: '2000',
    // Every web chat customer comes from 127.0.0.1; the per-address limit is not what is measured.
    CHAT_RATE_LIMIT_PER_MINUTE: '100000',
  };
}
