import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();
const optionalUrl = z.string().url().optional();
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable the product reads. `.env.example` documents each one. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  AGENT_CONCURRENCY: positiveInt(4),

  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL_SMALL: z.string().min(1).default('claude-haiku-4-5'),
  ANTHROPIC_MODEL_MAIN: z.string().min(1).default('claude-sonnet-4-6'),
  ANTHROPIC_TIMEOUT_MS: positiveInt(15_000),
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),

  VOYAGE_API_KEY: optionalText,
  VOYAGE_BASE_URL: optionalUrl,
  DEEPGRAM_API_KEY: optionalText,
  DEEPGRAM_BASE_URL: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_API_BASE_URL: optionalUrl,
  WEAVIATE_URL: optionalUrl,

  HELP_CENTER_DIR: z.string().min(1).default('knowledge/help-center'),
  SEED_DEMO_SHOP: flag.default(true),
  AGENT_MAX_TOOL_ROUNDS: positiveInt(6),
  GATE_MIN_RETRIEVAL_SCORE: z.coerce.number().min(0).max(1).default(0.4),
  HANDOFF_QUEUE: z.string().min(1).default('support'),
  HANDOFF_EMAIL: z.string().email().optional(),
  CHAT_RATE_LIMIT_PER_MINUTE: positiveInt(30),
});

type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  database: { url?: string; dataDir: string };
  redis: { url?: string; agentConcurrency: number };
  anthropic?: { apiKey: string; baseUrl?: string; smallModel: string; mainModel: string; timeoutMs: number; maxRetries: number };
  models: { small: string; main: string };
  providers: {
    voyage: { apiKey?: string; baseUrl?: string };
    deepgram: { apiKey?: string; baseUrl?: string };
    twilio: { accountSid?: string; authToken?: string; apiBaseUrl?: string };
    weaviate: { url?: string };
  };
  knowledge: { helpCenterDir: string };
  orders: { seedDemoShop: boolean };
  agent: { maxToolRounds: number; minRetrievalScore: number };
  handoff: { queue: string; email?: string };
  chat: { rateLimitPerMinute: number };
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
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, dataDir: env.DATA_DIR },
    redis: { url: env.REDIS_URL, agentConcurrency: env.AGENT_CONCURRENCY },
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
      voyage: { apiKey: env.VOYAGE_API_KEY, baseUrl: env.VOYAGE_BASE_URL },
      deepgram: { apiKey: env.DEEPGRAM_API_KEY, baseUrl: env.DEEPGRAM_BASE_URL },
      twilio: { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl: env.TWILIO_API_BASE_URL },
      weaviate: { url: env.WEAVIATE_URL },
    },
    knowledge: { helpCenterDir: env.HELP_CENTER_DIR },
    orders: { seedDemoShop: env.SEED_DEMO_SHOP },
    agent: { maxToolRounds: env.AGENT_MAX_TOOL_ROUNDS, minRetrievalScore: env.GATE_MIN_RETRIEVAL_SCORE },
    handoff: { queue: env.HANDOFF_QUEUE, email: env.HANDOFF_EMAIL },
    chat: { rateLimitPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE },
  };
}

/** An empty `FOO=` line in a .env file means "not set", not "set to nothing". */
function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1] && entry[1].trim() !== ''));
}
