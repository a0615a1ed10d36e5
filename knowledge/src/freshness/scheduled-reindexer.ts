import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SyncProgress } from '../backend/knowledge-index';
import { IngestSummary } from '../ingest/help-center.ingestor';
import { helpCenterSource } from '../sources/knowledge-source';
import { SourceRegistry } from '../sources/source-registry';

/** The timer the schedule runs on; injectable so tests move time themselves. */
export interface ReindexTimer {
  every(intervalMs: number, tick: () => void): { cancel(): void };
}

/** Node's timers, unref'd so a pending re-index never keeps a process alive. */
export const NODE_REINDEX_TIMER: ReindexTimer = {
  every(intervalMs, tick) {
    const handle = setInterval(tick, intervalMs);
    handle.unref();
    return { cancel: () => clearInterval(handle) };
  },
};

/** Longest interval `setInterval` keeps (2^31 - 1 ms, about 24.8 days). */
export const MAX_REINDEX_INTERVAL_MS = 2 ** 31 - 1;

export interface ScheduledReindexerOptions {
  folder: string;
  /** 0 turns the schedule off (`runNow` still works). */
  intervalMs: number;
  timer?: ReindexTimer;
  onIndexed?: (summary: IngestSummary) => void;
  onFailed?: (error: unknown) => void;
}

/** What the re-index runs: the ingestor, and its source registry, which holds the schedule's lease. */
export interface ReindexIngestor {
  ingest(path: string, progress?: SyncProgress): Promise<IngestSummary>;
  readonly sources: Pick<SourceRegistry, 'leaseRun'>;
}

/**
 * Re-reads the help-center folder on a fixed interval (weekly by default) and syncs the index, so edited
 * articles are searchable and deleted ones gone without a restart. One run at a time: a tick during a run
 * joins it. Every gateway and agent worker has a schedule, but only the process holding the schedule's
 * lease (in the database, for one interval, renewed by each of its runs) re-indexes; when it dies, the
 * lease lapses and the next process whose interval comes round takes it over.
 */
export class ScheduledReindexer {
  private schedule?: { cancel(): void };
  private running?: Promise<IngestSummary | undefined>;
  /** Names this process as the lease's holder. */
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID()}`;

  constructor(
    private readonly ingestor: ReindexIngestor,
    private readonly options: ScheduledReindexerOptions,
  ) {
    if (options.intervalMs > MAX_REINDEX_INTERVAL_MS) throw new RangeError(`re-index interval over ${MAX_REINDEX_INTERVAL_MS} ms`);
  }

  start(): void {
    if (this.schedule || this.options.intervalMs <= 0) return;
    this.schedule = (this.options.timer ?? NODE_REINDEX_TIMER).every(this.options.intervalMs, () => void this.runScheduled());
  }

  /** The interval came round: re-indexes if this process holds (or can take) the schedule's lease; undefined otherwise. */
  async runScheduled(): Promise<IngestSummary | undefined> {
    let held: boolean;
    try {
      held = await this.ingestor.sources.leaseRun(`scheduled-reindex:${helpCenterSource(this.options.folder).name}`, this.holder, this.options.intervalMs);
    } catch (error) {
      this.options.onFailed?.(error);
      return undefined;
    }
    return held ? this.runNow() : undefined;
  }

  stop(): void {
    this.schedule?.cancel();
    this.schedule = undefined;
  }

  /** Re-indexes now; resolves undefined when it failed (reported through `onFailed`). */
  runNow(): Promise<IngestSummary | undefined> {
    this.running ??= this.ingestor
      .ingest(this.options.folder)
      .then((summary) => {
        this.options.onIndexed?.(summary);
        return summary;
      })
      .catch((error) => {
        this.options.onFailed?.(error);
        return undefined;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
