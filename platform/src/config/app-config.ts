import { z } from 'zod';
import { EmailBackfill, emailBackfillSchema } from './email-backfill';
import { SupportHours, supportHoursSchema } from './support-hours';
export type { EmailBackfill } from './email-backfill';
export type { SupportHours } from './support-hours';

const optionalText = z.string().trim().min(1).optional();
const optionalUrl = z.string().url().optional();
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const modelPricesSchema = z.record(
  z.string(),
  z.object({ input: z.number().min(0), output: z.number().min(0), cacheWrite: z.number().min(0), cacheRead: z.number().min(0) }),
);

/** Every variable the product reads. `.env.example` documents each one. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  AGENT_CONCURRENCY: positiveInt(4),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, _ . or -')
    .optional(),
  SHUTDOWN_GRACE_MS: positiveInt(20_000),

  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL_SMALL: z.string().min(1).default('claude-haiku-4-5'),
  ANTHROPIC_MODEL_MAIN: z.string().min(1).default('claude-sonnet-4-6'),
  ANTHROPIC_TIMEOUT_MS: positiveInt(15_000),
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),

  VOYAGE_API_KEY: optionalText,
  VOYAGE_BASE_URL: optionalUrl,
  VOYAGE_EMBED_MODEL: z.string().min(1).default('voyage-3-large'),
  VOYAGE_RERANK_MODEL: z.string().min(1).default('rerank-2.5'),
  VOYAGE_TIMEOUT_MS: positiveInt(10_000),
  VOYAGE_MAX_RETRIES: z.coerce.number().int().min(0).max(8).default(3),
  KB_RERANK: flag.default(true),
  KB_REINDEX_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .default(7 * 24 * 60 * 60 * 1000),
  DEEPGRAM_API_KEY: optionalText,
  DEEPGRAM_BASE_URL: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_API_BASE_URL: optionalUrl,
  WEAVIATE_URL: optionalUrl,
  WEAVIATE_API_KEY: optionalText,
  WEAVIATE_CLASS: z
    .string()
    .regex(/^[A-Z][_0-9A-Za-z]*$/, 'must be a Weaviate class name: a capital letter, then letters, digits, _')
    .default('HelpCenterChunk'),
  WEAVIATE_ALPHA: z.coerce.number().min(0).max(1).default(0.5),

  HELP_CENTER_DIR: z.string().min(1).default('knowledge/help-center'),
  SEED_DEMO_SHOP: flag.default(true),
  SHOP_RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
  AGENT_MAX_TOOL_ROUNDS: positiveInt(6),
  AGENT_MAX_TOOL_CALLS_PER_ROUND: positiveInt(8),
  AGENT_MAX_TOOL_CALLS_PER_TURN: positiveInt(24),
  TURN_DEADLINE_MS: positiveInt(20_000),
  VOICE_TURN_DEADLINE_MS: positiveInt(8_000),
  MODEL_STREAM_IDLE_MS: positiveInt(8_000),
  VOICE_MODEL_STREAM_IDLE_MS: positiveInt(3_000),
  GATE_MIN_RETRIEVAL_SCORE: z.coerce.number().min(0).max(1).default(0.4),
  GATE_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.4),
  GATE_MAX_TOOL_FAILURES: positiveInt(2),
  GATE_LLM_JUDGE: flag.default(false),
  VERIFY_MAX_FAILURES: positiveInt(3),
  VERIFY_LOCKOUT_MS: positiveInt(15 * 60 * 1000),
  VERIFY_MAX_FAILURES_PER_DAY: positiveInt(10),
  ANTHROPIC_PROMPT_CACHING: flag.default(true),
  ROUTER_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  ROUTER_EXAMPLES_PATH: z.string().min(1).optional(),
  ROUTER_ROUTE_MAP_PATH: z.string().min(1).optional(),
  MODEL_PRICES: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      try {
        return modelPricesSchema.parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'must be JSON {"model": {"input": n, "output": n, "cacheWrite": n, "cacheRead": n}} in US dollars per million tokens',
        });
        return z.NEVER;
      }
    }),
  HANDOFF_QUEUE: z.string().min(1).default('support'),
  HANDOFF_EMAIL: z.string().email().optional(),
  SUPPORT_HOURS: supportHoursSchema,
  CHAT_RATE_LIMIT_PER_MINUTE: positiveInt(30),

  // SMS and WhatsApp through Twilio, and the human-agent API.
  TWILIO_SMS_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550100')
    .optional(),
  TWILIO_WHATSAPP_FROM: z
    .string()
    .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must look like whatsapp:+14155238886')
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG…)')
    .optional(),
  TWILIO_SMS_MAX_SEGMENTS: z.coerce.number().int().min(1).max(10).default(3),
  TWILIO_RATE_LIMIT_MESSAGES: positiveInt(8),
  TWILIO_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
  TWILIO_WHATSAPP_WINDOW_MARGIN_MS: z.coerce.number().int().min(0).default(600_000),
  TWILIO_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  TWILIO_DELIVERY_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(60_000),
  TWILIO_API_TIMEOUT_MS: positiveInt(30_000),
  TWILIO_RECOVERY_INTERVAL_MS: positiveInt(10_000),
  TWILIO_RESUME_WINDOW_MS: positiveInt(24 * 60 * 60 * 1000),
  TWILIO_UNKNOWN_GRACE_MS: z.coerce.number().int().min(0).default(300_000),
  TWILIO_WHATSAPP_TEMPLATE_HANDOFF_FOLLOWUP: z
    .string()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content template SID (HX…)')
    .optional(),
  TWILIO_WHATSAPP_TEMPLATE_RATING: z
    .string()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content template SID (HX…)')
    .optional(),
  TWILIO_HELP_TEXT: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default('Support assistant: reply with your question and we will help. Reply STOP to unsubscribe. Msg & data rates may apply.'),
  AGENT_API_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),

  // Email: the support mailbox (IMAP) and the way out (SMTP).
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'must be an imap:// or imaps:// URL')
    .optional(),
  IMAP_HOST: optionalText,
  IMAP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  IMAP_USER: optionalText,
  IMAP_PASSWORD: optionalText,
  IMAP_TLS: flag.optional(),
  IMAP_MAILBOX: z.string().trim().min(1).default('INBOX'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_TLS: flag.optional(),
  SUPPORT_EMAIL_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'must be an address, optionally with a name: Acme Support <support@acme.example>')
    .optional(),
  EMAIL_POLL_INTERVAL_MS: positiveInt(60_000),
  EMAIL_BACKFILL: emailBackfillSchema,

  // Voice: Twilio Media Streams, Deepgram speech to text and text to speech.
  DEEPGRAM_STT_MODEL: z.string().min(1).default('nova-2-phonecall'),
  DEEPGRAM_TTS_VOICE: z
    .string()
    .regex(/^aura-/, 'must be a Deepgram Aura voice like aura-2-thalia-en')
    .default('aura-2-thalia-en'),
  DEEPGRAM_STT_ENDPOINTING_MS: positiveInt(300),
  DEEPGRAM_STT_UTTERANCE_END_MS: z.coerce.number().int().min(1000).default(1000),
  VOICE_REPROMPT_MS: positiveInt(7_000),
  VOICE_HANGUP_MS: positiveInt(20_000),
  VOICE_QUEUE_NAME: z.string().trim().min(1).max(64).optional(),
  VOICE_AGENT_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550100')
    .optional(),
  TWILIO_VOICE_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550100')
    .optional(),
  VOICE_TRUST_CALLER_ID: z.enum(['attested', 'always', 'never']).default('attested'),
  VOICE_HOLD_MUSIC_URL: z.string().url().default('http://com.twilio.sounds.music.s3.amazonaws.com/MARKOVICHAMP-Borghestral.mp3'),
  VOICE_ORDER_NUMBER_PREFIX: z.string().max(8).default('#W'),
});

type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  database: { url?: string; dataDir: string };
  /** `keyPrefix`: what every Redis key and channel starts with (unset: BullMQ's `bull:` and `support:`). */
  redis: { url?: string; agentConcurrency: number; keyPrefix?: string };
  /** How long SIGTERM may take: stop accepting, finish or hand back turns, flush outboxes, close streams. */
  shutdownGraceMs: number;
  anthropic?: { apiKey: string; baseUrl?: string; smallModel: string; mainModel: string; timeoutMs: number; maxRetries: number };
  models: { small: string; main: string };
  providers: {
    voyage: { apiKey?: string; baseUrl?: string; embedModel: string; rerankModel: string; timeoutMs: number; maxRetries: number; rerank: boolean };
    deepgram: { apiKey?: string; baseUrl?: string };
    twilio: { accountSid?: string; authToken?: string; apiBaseUrl?: string; timeoutMs: number };
    /** Help-center index in Weaviate when `url` is set; alpha 0 = BM25 only, 1 = vectors only. */
    weaviate: { url?: string; apiKey?: string; className: string; alpha: number };
  };
  knowledge: { helpCenterDir: string; reindexIntervalMs: number };
  /** `returnWindowDays`: days after delivery a return or exchange may start; 0 = no limit. */
  orders: { seedDemoShop: boolean; returnWindowDays: number };
  agent: {
    maxToolRounds: number;
    /** Tool calls run per model response and per turn; the model is told the rest were not run. */
    maxToolCalls: { perRound: number; perTurn: number };
    /** One deadline per turn (the model's retries, tool rounds and streaming), and the longest a model stream may stay quiet; voice is shorter. */
    turnBudgets: { text: { deadlineMs: number; streamIdleMs: number }; voice: { deadlineMs: number; streamIdleMs: number } };
    minRetrievalScore: number;
    minConfidence: number;
    maxToolFailures: number;
    /** A small-model check that a model-written reply is grounded, before it is sent. */
    llmJudge: boolean;
    promptCaching: boolean;
    router: { confidenceThreshold: number; examplesPath?: string; routeMapPath?: string };
    /** US dollars per million tokens, per model; merged over the defaults. */
    prices?: Record<string, { input: number; output: number; cacheWrite: number; cacheRead: number }>;
  };
  /** Failed proofs of ownership allowed per conversation, customer and client address within `windowMs`. */
  verification: { maxFailures: number; windowMs: number; maxFailuresPerDay: number };
  /** `supportHours`: when people answer handoffs (unset = always); outside them the customer is told when they will hear back. */
  handoff: { queue: string; email?: string; supportHours?: SupportHours };
  chat: { rateLimitPerMinute: number };
  twilioMessaging: {
    smsFrom?: string;
    whatsappFrom?: string;
    messagingServiceSid?: string;
    smsMaxSegments: number;
    rateLimit: { messages: number; windowMs: number };
    whatsappWindowMarginMs: number;
    /** Approved WhatsApp templates (Content API `HX…` SIDs) sent instead of free text once the 24-hour window has closed. */
    whatsappTemplates: { handoffFollowup?: string; rating?: string };
    delivery: { maxAttempts: number; retryDelayMs: number };
    /**
     * Picking up after a crash: every `intervalMs`, unanswered messages received within
     * `resumeWindowMs` and due sends; a send with no answer from Twilio is looked up, and sent
     * again only when Twilio still has no such message `unknownGraceMs` after it went out.
     */
    recovery: { intervalMs: number; resumeWindowMs: number; unknownGraceMs: number };
    helpText: string;
  };
  /** Bearer token for the human-agent API; unset = the API refuses every request. */
  agentApi: { token?: string };
  /** The email channel; unset when no mailbox is configured (IMAP_URL / IMAP_HOST). */
  email?: EmailConfig;
  /** The phone line (Twilio Media Streams + Deepgram). */
  voice: VoiceConfig;
}

export interface VoiceConfig {
  sttModel: string;
  ttsVoice: string;
  endpointingMs: number;
  utteranceEndMs: number;
  /** Silence after the bot stops talking before it asks whether the caller is still there. */
  repromptMs: number;
  /** Silence after which the bot says goodbye and hangs up. */
  hangupMs: number;
  /** Twilio queue a transferred call waits in (defaults to HANDOFF_QUEUE). */
  queueName: string;
  /** A person's phone the product dials on transfer; unset = people call the agent line themselves. */
  agentNumber?: string;
  /** Caller id of calls the product places (the agent dial-out). */
  from?: string;
  /**
   * When the calling number proves who the caller is: `attested` only with a STIR/SHAKEN full attestation
   * (Twilio's StirVerstat TN-Validation-Passed-A), `always`, or `never` (an order number with its email or ZIP is then needed).
   */
  trustCallerId: 'attested' | 'always' | 'never';
  holdMusicUrl: string;
  /** Order numbers keyed on the phone are digits only; this is put in front (`#W` + 9000010). */
  orderNumberPrefix: string;
}

export interface EmailConfig {
  imap: { host: string; port: number; secure: boolean; user: string; password: string; mailbox: string };
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string };
  /** The From of every mail the bot sends, e.g. `Acme Support <support@acme.example>`. */
  from: string;
  /** The bare support address from `from`, lower case. */
  fromAddress: string;
  /** How often the mailbox is checked besides IDLE push (and the only way on servers without IDLE). */
  pollIntervalMs: number;
  /** On the first look at a mailbox (or a new UIDVALIDITY): null answers only mail arriving after it. */
  backfill: EmailBackfill;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its meaning.`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; lists every bad variable, never its value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const models = { small: env.ANTHROPIC_MODEL_SMALL, main: env.ANTHROPIC_MODEL_MAIN };
  const email = readEmailConfig(env);
  if (email.problems.length) throw new ConfigError(email.problems);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, dataDir: env.DATA_DIR },
    redis: { url: env.REDIS_URL, agentConcurrency: env.AGENT_CONCURRENCY, keyPrefix: env.REDIS_KEY_PREFIX },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    anthropic: env.ANTHROPIC_API_KEY
      ? {
          apiKey: env.ANTHROPIC_API_KEY,
          baseUrl: env.ANTHROPIC_BASE_URL,
          smallModel: models.small,
          mainModel: models.main,
          timeoutMs: env.ANTHROPIC_TIMEOUT_MS,
          maxRetries: env.ANTHROPIC_MAX_RETRIES,
        }
      : undefined,
    models,
    providers: {
      voyage: {
        apiKey: env.VOYAGE_API_KEY,
        baseUrl: env.VOYAGE_BASE_URL,
        embedModel: env.VOYAGE_EMBED_MODEL,
        rerankModel: env.VOYAGE_RERANK_MODEL,
        timeoutMs: env.VOYAGE_TIMEOUT_MS,
        maxRetries: env.VOYAGE_MAX_RETRIES,
        rerank: env.KB_RERANK,
      },
      deepgram: { apiKey: env.DEEPGRAM_API_KEY, baseUrl: env.DEEPGRAM_BASE_URL },
      twilio: {
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        apiBaseUrl: env.TWILIO_API_BASE_URL,
        timeoutMs: env.TWILIO_API_TIMEOUT_MS,
      },
      weaviate: { url: env.WEAVIATE_URL, apiKey: env.WEAVIATE_API_KEY, className: env.WEAVIATE_CLASS, alpha: env.WEAVIATE_ALPHA },
    },
    knowledge: { helpCenterDir: env.HELP_CENTER_DIR, reindexIntervalMs: env.KB_REINDEX_INTERVAL_MS },
    orders: { seedDemoShop: env.SEED_DEMO_SHOP, returnWindowDays: env.SHOP_RETURN_WINDOW_DAYS },
    agent: {
      maxToolRounds: env.AGENT_MAX_TOOL_ROUNDS,
      maxToolCalls: { perRound: env.AGENT_MAX_TOOL_CALLS_PER_ROUND, perTurn: env.AGENT_MAX_TOOL_CALLS_PER_TURN },
      turnBudgets: {
        text: { deadlineMs: env.TURN_DEADLINE_MS, streamIdleMs: env.MODEL_STREAM_IDLE_MS },
        voice: { deadlineMs: env.VOICE_TURN_DEADLINE_MS, streamIdleMs: env.VOICE_MODEL_STREAM_IDLE_MS },
      },
      minRetrievalScore: env.GATE_MIN_RETRIEVAL_SCORE,
      minConfidence: env.GATE_MIN_CONFIDENCE,
      maxToolFailures: env.GATE_MAX_TOOL_FAILURES,
      llmJudge: env.GATE_LLM_JUDGE,
      promptCaching: env.ANTHROPIC_PROMPT_CACHING,
      router: { confidenceThreshold: env.ROUTER_CONFIDENCE_THRESHOLD, examplesPath: env.ROUTER_EXAMPLES_PATH, routeMapPath: env.ROUTER_ROUTE_MAP_PATH },
      prices: env.MODEL_PRICES,
    },
    verification: { maxFailures: env.VERIFY_MAX_FAILURES, windowMs: env.VERIFY_LOCKOUT_MS, maxFailuresPerDay: env.VERIFY_MAX_FAILURES_PER_DAY },
    handoff: { queue: env.HANDOFF_QUEUE, email: env.HANDOFF_EMAIL, supportHours: env.SUPPORT_HOURS },
    chat: { rateLimitPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE },
    twilioMessaging: {
      smsFrom: env.TWILIO_SMS_FROM,
      whatsappFrom: env.TWILIO_WHATSAPP_FROM,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
      smsMaxSegments: env.TWILIO_SMS_MAX_SEGMENTS,
      rateLimit: { messages: env.TWILIO_RATE_LIMIT_MESSAGES, windowMs: env.TWILIO_RATE_LIMIT_WINDOW_MS },
      whatsappWindowMarginMs: env.TWILIO_WHATSAPP_WINDOW_MARGIN_MS,
      whatsappTemplates: { handoffFollowup: env.TWILIO_WHATSAPP_TEMPLATE_HANDOFF_FOLLOWUP, rating: env.TWILIO_WHATSAPP_TEMPLATE_RATING },
      delivery: { maxAttempts: env.TWILIO_DELIVERY_MAX_ATTEMPTS, retryDelayMs: env.TWILIO_DELIVERY_RETRY_DELAY_MS },
      recovery: { intervalMs: env.TWILIO_RECOVERY_INTERVAL_MS, resumeWindowMs: env.TWILIO_RESUME_WINDOW_MS, unknownGraceMs: env.TWILIO_UNKNOWN_GRACE_MS },
      helpText: env.TWILIO_HELP_TEXT,
    },
    agentApi: { token: env.AGENT_API_TOKEN },
    email: email.config,
    voice: {
      sttModel: env.DEEPGRAM_STT_MODEL,
      ttsVoice: env.DEEPGRAM_TTS_VOICE,
      endpointingMs: env.DEEPGRAM_STT_ENDPOINTING_MS,
      utteranceEndMs: env.DEEPGRAM_STT_UTTERANCE_END_MS,
      repromptMs: env.VOICE_REPROMPT_MS,
      hangupMs: env.VOICE_HANGUP_MS,
      queueName: env.VOICE_QUEUE_NAME ?? env.HANDOFF_QUEUE,
      agentNumber: env.VOICE_AGENT_NUMBER,
      from: env.TWILIO_VOICE_FROM,
      trustCallerId: env.VOICE_TRUST_CALLER_ID,
      holdMusicUrl: env.VOICE_HOLD_MUSIC_URL,
      orderNumberPrefix: env.VOICE_ORDER_NUMBER_PREFIX,
    },
  };
}

/** IMAP/SMTP from a URL (`imaps://user:pass@host:993`) or separate variables; the variables win. */
function readEmailConfig(env: Env): { config?: EmailConfig; problems: string[] } {
  if (!env.IMAP_URL && !env.IMAP_HOST) return { problems: [] };
  const problems: string[] = [];
  const imapUrl = env.IMAP_URL ? new URL(env.IMAP_URL) : null;
  const smtpUrl = env.SMTP_URL ? new URL(env.SMTP_URL) : null;
  const imapSecure = env.IMAP_TLS ?? (imapUrl ? imapUrl.protocol === 'imaps:' : env.IMAP_PORT === undefined || env.IMAP_PORT === 993);
  const smtpSecure = env.SMTP_TLS ?? (smtpUrl ? smtpUrl.protocol === 'smtps:' : env.SMTP_PORT === 465);
  const imap = {
    host: env.IMAP_HOST ?? imapUrl?.hostname ?? '',
    port: env.IMAP_PORT ?? (imapUrl?.port ? Number(imapUrl.port) : imapSecure ? 993 : 143),
    secure: imapSecure,
    user: env.IMAP_USER ?? decodeURIComponent(imapUrl?.username ?? ''),
    password: env.IMAP_PASSWORD ?? decodeURIComponent(imapUrl?.password ?? ''),
    mailbox: env.IMAP_MAILBOX,
  };
  const smtpUser = env.SMTP_USER ?? (smtpUrl?.username ? decodeURIComponent(smtpUrl.username) : undefined);
  const smtp = {
    host: env.SMTP_HOST ?? smtpUrl?.hostname ?? '',
    port: env.SMTP_PORT ?? (smtpUrl?.port ? Number(smtpUrl.port) : smtpSecure ? 465 : 587),
    secure: smtpSecure,
    user: smtpUser,
    password: env.SMTP_PASSWORD ?? (smtpUrl?.password ? decodeURIComponent(smtpUrl.password) : undefined),
  };
  if (!imap.host) problems.push('IMAP_HOST: required for the email channel (or IMAP_URL with a host)');
  if (!imap.user || !imap.password) problems.push('IMAP_USER / IMAP_PASSWORD: required for the email channel (or in IMAP_URL)');
  if (!smtp.host) problems.push('SMTP_URL or SMTP_HOST: required when a mailbox is configured, replies go out through it');
  if (smtp.user && !smtp.password) problems.push('SMTP_PASSWORD: required when SMTP_USER is set');
  if (!env.SUPPORT_EMAIL_FROM) problems.push('SUPPORT_EMAIL_FROM: required when a mailbox is configured, the From of every reply');
  if (problems.length) return { problems };
  const from = env.SUPPORT_EMAIL_FROM!;
  const fromAddress = (from.match(/<([^<>]+)>/)?.[1] ?? from).trim().toLowerCase();
  return { config: { imap, smtp, from, fromAddress, pollIntervalMs: env.EMAIL_POLL_INTERVAL_MS, backfill: env.EMAIL_BACKFILL }, problems };
}

/** An empty `FOO=` line in a .env file means "not set", not "set to nothing". */
function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1] && entry[1].trim() !== ''));
}
