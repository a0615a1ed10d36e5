import { IngestSummary } from '../ingest/help-center.ingestor';
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

describe(ScheduledReindexer.name, () => {
  function setUp(ingest: (path: string) => Promise<IngestSummary> = async () => SUMMARY, intervalMs = WEEK_MS) {
    const timer = new ManualTimer();
    const folders: string[] = [];
    const indexed: IngestSummary[] = [];
    const failures: unknown[] = [];
    const reindexer = new ScheduledReindexer(
      { ingest: (path) => (folders.push(path), ingest(path)) },
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

  it('stops on stop()', () => {
    const { reindexer, timer } = setUp();
    reindexer.start();

    reindexer.stop();

    expect(timer.scheduled).toBe(false);
  });
});
