import { eventually, sleep } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const INTERVAL_MS = 1_500;
/** A scheduled run's log line, whether it indexed or failed (two processes syncing the same source at once can fail). */
const RUN = /"msg":"(help center re-indexed|help-center re-index failed)"/;

/** Two gateways on one database, each with the periodic help-center re-index: one runs it, and the other once that one is gone. */
describe('The periodic help-center re-index across processes', () => {
  let database: ServerDatabase;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    database = await createServerDatabase();
    const env = { DATABASE_URL: database.url, KB_REINDEX_INTERVAL_MS: String(INTERVAL_MS), LOG_LEVEL: 'info' };
    // One after the other: each indexes the help center as it starts.
    gateways.push(await spawnGateway(env));
    gateways.push(await spawnGateway(env));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.kill()));
    await database?.drop();
  }, 30_000);

  const runs = (gateway: GatewayProcess) =>
    gateway
      .output()
      .split('\n')
      .filter((line) => RUN.test(line)).length;

  it('runs in one process at a time, and another takes it over when that one is killed', async () => {
    await eventually(() => gateways.some((g) => runs(g) >= 3), 30_000);
    const holder = gateways.find((g) => runs(g) >= 3)!;
    const other = gateways.find((g) => g !== holder)!;
    expect(runs(other)).toBe(0);

    await holder.kill();
    await eventually(() => runs(other) >= 1, 4 * INTERVAL_MS + 5_000);
    await sleep(2 * INTERVAL_MS);
    expect(runs(other)).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
