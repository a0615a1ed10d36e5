import { IngestSummary } from '../ingest/help-center.ingestor';
import { PostgresSourceRegistry } from '../sources/postgres-source.registry';
import { SourceRegistry } from '../sources/source-registry';
import { InMemorySourceRegistry } from '../sources/in-memory-source.registry';
import { createEmbeddedTestDatabase, TestDatabase } from '../testing/embedded-test.database';
import { ReindexTimer, ScheduledReindexer } from './scheduled-reindexer';

/** A timer the test moves by hand. */
class ManualTimer implements ReindexTimer {
  intervalMs?: number;
  private tick?: () => void;

  every(intervalMs: number, tick: () => void) {
    this.intervalMs = intervalMs;
    this.tick = tick;
    return { cancel: () => (this.tick = undefined) };
  }

  fire(): void {
    this.tick?.();
  }

  get scheduled(): boolean {
    return !!this.tick;
  }
}

const SUMMARY: IngestSummary = { added: 0, changed: 1, removed: 0, unchanged: 9, articles: 3, skipped: [], warnings: [] };
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Lets the scheduled tick ask for its lease before the test goes on. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(ScheduledReindexer.name, () => {
  function setUp(
    ingest: (path: string) => Promise<IngestSummary> = async () => SUMMARY,
    intervalMs = WEEK_MS,
    sources: SourceRegistry = new InMemorySourceRegistry(),
  ) {
    const timer = new ManualTimer();
    const folders: string[] = [];
    const indexed: IngestSummary[] = [];
    const failures: unknown[] = [];
    const reindexer = new ScheduledReindexer(
      { ingest: (path) => (folders.push(path), ingest(path)), sources },
      { folder: '/help', intervalMs, timer, onIndexed: (s) => indexed.push(s), onFailed: (e) => failures.push(e) },
    );
    return { reindexer, timer, folders, indexed, failures };
  }

  it('re-indexes the help-center folder every time the interval comes round', async () => {
    const { reindexer, timer, folders, indexed } = setUp();
    reindexer.start();

    timer.fire();
    await reindexer.runNow();

    expect(timer.intervalMs).toBe(WEEK_MS);
    expect(folders).toEqual(['/help']);
    expect(indexed).toEqual([SUMMARY]);
  });

  it('does not start a second run while one is going', async () => {
    let finish!: (summary: IngestSummary) => void;
    const { reindexer, timer, folders } = setUp(() => new Promise((resolve) => (finish = resolve)));
    reindexer.start();

    timer.fire();
    timer.fire();
    await settle();
    finish(SUMMARY);
    await reindexer.runNow();

    expect(folders).toHaveLength(1);
  });

  it('reports a failed run and keeps the schedule', async () => {
    const { reindexer, timer, failures } = setUp(async () => {
      throw new Error('folder gone');
    });
    reindexer.start();

    await expect(reindexer.runNow()).resolves.toBeUndefined();

    expect(failures).toEqual([new Error('folder gone')]);
    expect(timer.scheduled).toBe(true);
  });

  it('schedules nothing when the interval is 0', () => {
    const { reindexer, timer } = setUp(undefined, 0);

    reindexer.start();

    expect(timer.scheduled).toBe(false);
  });

  describe('with several processes on one database', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createEmbeddedTestDatabase();
    });
    afterAll(() => database?.close());

    it('re-indexes in the one holding the lease, and another takes over once the holder is gone and its lease lapsed', async () => {
      const intervalMs = 400;
      const [first, second] = [0, 1].map(() => setUp(undefined, intervalMs, new PostgresSourceRegistry(database.db)));
      first.reindexer.start();
      second.reindexer.start();

      for (let round = 0; round < 3; round++) {
        first.timer.fire();
        second.timer.fire();
        await settle();
        await Promise.all([first.reindexer.runScheduled(), second.reindexer.runScheduled()]);
      }
      expect(first.folders.length).toBeGreaterThan(0);
      expect(second.folders).toEqual([]);

      first.reindexer.stop(); // the holder dies
      second.timer.fire();
      await settle();
      expect(second.folders).toEqual([]); // its lease has not lapsed yet
      await new Promise((resolve) => setTimeout(resolve, intervalMs + 50));
      await second.reindexer.runScheduled();
      expect(second.folders).toEqual(['/help']);
    });
  });

  it('stops on stop()', () => {
    const { reindexer, timer } = setUp();
    reindexer.start();

    reindexer.stop();

    expect(timer.scheduled).toBe(false);
  });
});
