import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@support/platform';
import { RequestDrain } from './request-drain';

/**
 * SIGTERM, within `graceMs`: stop accepting connections and refuse new requests (503), let the
 * requests in flight get their answers, then close the app: turns in flight finish (in process) or
 * are waited for (agent workers), outboxes send what is in flight and keep the rest stored for the
 * next start, voice streams are closed, the database last. Resolves with the exit code: 0 when all
 * of it fitted in the grace period, 1 when it did not (whatever was stored is picked up at the next start).
 */
export async function shutDownGracefully(app: INestApplication, graceMs: number, logger: Logger): Promise<number> {
  const started = Date.now();
  const drain = app.get(RequestDrain);
  const server = app.getHttpServer() as Server;
  const settled = drain.drain();
  server.close();
  server.closeIdleConnections();
  const closed = (async () => {
    await settled;
    await app.close();
  })().then(
    () => true,
    (error) => {
      logger.error({ err: error }, 'shutdown failed');
      return false;
    },
  );
  const finished = await withinMs(graceMs, closed);
  const elapsedMs = Date.now() - started;
  if (!finished) {
    logger.error(
      { graceMs, elapsedMs },
      'shutdown did not finish cleanly within SHUTDOWN_GRACE_MS; exiting (stored messages and sends resume at the next start)',
    );
    return 1;
  }
  logger.info({ elapsedMs }, 'gateway stopped');
  return 0;
}

function withinMs(ms: number, work: Promise<boolean>): Promise<boolean> {
  return Promise.race([work, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}
