import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

  readonly toolCallLimitHits = new Counter({
    name: 'support_tool_call_limit_hits_total',
    help: 'Tool calls the model asked for and that were not run, by the limit reached (round = AGENT_MAX_TOOL_CALLS_PER_ROUND, turn = AGENT_MAX_TOOL_CALLS_PER_TURN)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly verificationFailures = new Counter({
    name: 'support_verification_failures_total',
    help: 'Order-ownership proofs that did not match (order number with an email or ZIP code the customer gave)',
    registers: [this.registry],
  });

  readonly verificationLockouts = new Counter({
    name: 'support_verification_lockouts_total',
    help: 'Ownership proofs refused because too many failed recently for the conversation, customer or client address',
    registers: [this.registry],
  });

  readonly consentRefusals = new Counter({
    name: 'support_consent_refusals_total',
    help: 'Changes the model asked for that were not run: not proposed to the customer first, not accepted, or not the change proposed',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly tokens = new Counter({
    name: 'support_model_tokens_total',
    help: 'Model tokens by model and kind (input, output, cache_read, cache_write)',
    labelNames: ['model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly modelCost = new Counter({
    name: 'support_model_cost_usd_total',
    help: 'Model spend in US dollars, from tokens by kind times the price table',
    registers: [this.registry],
  });

  readonly duplicates = new Counter({
    name: 'support_duplicate_messages_total',
    help: 'Redelivered messages recognised and not answered again, per channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly retrievals = new Counter({
    name: 'support_retrieval_total',
    help: 'Help-center retrievals: hit = top passage scored at or above GATE_MIN_RETRIEVAL_SCORE, miss = under it or nothing found',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly channelDeliveries = new Counter({
    name: 'support_channel_deliveries_total',
    help: 'Outbound deliveries reported by a messaging provider, by channel and status (sent, delivered, failed, undelivered, read, ...)',
    labelNames: ['channel', 'status'] as const,
    registers: [this.registry],
  });

  readonly channelDeliveryFailures = new Counter({
    name: 'support_channel_delivery_failures_total',
    help: 'Outbound messages the provider refused or could not deliver, by channel and provider error code',
    labelNames: ['channel', 'code'] as const,
    registers: [this.registry],
  });

  readonly channelSuppressed = new Counter({
    name: 'support_channel_suppressed_total',
    help: 'Inbound messages stored but not answered, or replies not sent, by channel and reason (opted_out, rate_limited, outside_window, keyword)',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  readonly voiceTurnLatency = new Histogram({
    name: 'support_voice_turn_latency_seconds',
    help: "Per voice turn, from the end of the caller's speech to: final_transcript, first_model_token, first_tts_byte, first_frame (first audio frame sent to Twilio)",
    labelNames: ['milestone'] as const,
    buckets: [0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
    registers: [this.registry],
  });

  readonly voiceCalls = new Counter({
    name: 'support_voice_calls_total',
    help: 'Voice calls by how they ended (hangup, silence_timeout, transfer, error)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly voiceActiveCalls = new Gauge({
    name: 'support_voice_active_calls',
    help: 'Media streams open right now',
    registers: [this.registry],
  });

  readonly voiceBargeIns = new Counter({
    name: 'support_voice_barge_ins_total',
    help: 'Times a caller spoke over the bot and playback was cut',
    registers: [this.registry],
  });

  readonly voiceSttReconnects = new Counter({
    name: 'support_voice_stt_reconnects_total',
    help: 'Speech-to-text streams reopened after dropping mid-call',
    registers: [this.registry],
  });

  readonly emailInbound = new Counter({
    name: 'support_email_inbound_total',
    help: 'Mails read from the support mailbox, by outcome (dispatched, automated, unreadable)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly emailDeliveries = new Counter({
    name: 'support_email_deliveries_total',
    help: 'SMTP send attempts of queued mail, by kind (reply, handoff, human_reply) and outcome (sent, retry, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly emailReconnects = new Counter({
    name: 'support_email_imap_reconnects_total',
    help: 'IMAP connections reopened after the server or network dropped them',
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
