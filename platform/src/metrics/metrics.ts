import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const STAGE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/** The product's Prometheus metrics; one registry per app instance so tests can start several. */
export class Metrics {
  readonly registry = new Registry();

  readonly messages = new Counter({
    name: 'support_messages_total',
    help: 'Messages in and out, per channel',
    labelNames: ['channel', 'direction'] as const,
    registers: [this.registry],
  });

  readonly stageDuration = new Histogram({
    name: 'support_agent_stage_duration_seconds',
    help: 'Latency of each agent stage (route, retrieve, generate, gate, handoff, total)',
    labelNames: ['stage'] as const,
    buckets: STAGE_BUCKETS,
    registers: [this.registry],
  });

  readonly handoffs = new Counter({
    name: 'support_handoffs_total',
    help: 'Handoffs to people, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly toolRoundCapHits = new Counter({
    name: 'support_tool_round_cap_hits_total',
    help: 'Turns stopped because the model reached the tool-round cap',
    registers: [this.registry],
  });

  readonly tokens = new Counter({
    name: 'support_model_tokens_total',
    help: 'Model tokens by model and kind (input, output, cache_read, cache_write)',
    labelNames: ['model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly duplicates = new Counter({
    name: 'support_duplicate_messages_total',
    help: 'Redelivered messages recognised and not answered again, per channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  constructor(options: { collectProcessMetrics?: boolean } = {}) {
    if (options.collectProcessMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Times `work` into the stage histogram, also when it throws. */
  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const stop = this.stageDuration.startTimer({ stage });
    try {
      return await work();
    } finally {
      stop();
    }
  }
}
