import Anthropic from '@anthropic-ai/sdk';
import { PolicyDigest } from '@support/knowledge';
import { AppConfig, Logger, Metrics } from '@support/platform';
import { DEFAULT_PRICES, ModelPrice } from './cost/price-table';
import { AnswerJudge } from './gate/answer-judge';
import { ClaudeAnswerJudge } from './gate/claude-answer.judge';
import { ClaudeResponseGenerator } from './generation/claude-response.generator';
import { EmbeddedResponseGenerator } from './generation/embedded-response.generator';
import { ResponseGenerator } from './generation/response-generator';
import { ClaudeHandoffSummarizer } from './handoff/claude-handoff.summarizer';
import { HandoffSummarizer, TemplateHandoffSummarizer } from './handoff/handoff-summary';
import { ReturnWindow } from './orders/return-window';
import { CascadeIntentRouter } from './router/cascade.intent-router';
import { ClaudeSecondStageRouter } from './router/claude-second-stage.router';
import { IntentRouter } from './router/intent-router';
import { LocalIntentRouter } from './router/local-intent.router';
import { RouteMap } from './router/route-map';

/**
 * The stages that use a model: Claude when a key is configured, the embedded defaults otherwise. Chosen once, from config.
 * The SDK's own retries are off: they would wait out a Retry-After past the turn's deadline. The answer's calls are
 * retried by the generator, within the deadline; the router and the handoff summary fall back instead.
 */
export function anthropicClient(config: AppConfig): Anthropic | null {
  if (!config.anthropic) return null;
  const { apiKey, baseUrl, timeoutMs } = config.anthropic;
  return new Anthropic({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries: 0 });
}

export function createIntentRouter(config: AppConfig, client: Anthropic | null): IntentRouter {
  const { confidenceThreshold, examplesPath, routeMapPath } = config.agent.router;
  const local = LocalIntentRouter.train({ confidenceThreshold, examplesPath, routeMap: routeMapPath ? RouteMap.load(routeMapPath) : undefined });
  return new CascadeIntentRouter(local, client ? new ClaudeSecondStageRouter(client, config.models.small) : undefined);
}

export function createResponseGenerator(
  config: AppConfig,
  client: Anthropic | null,
  policyDigest: PolicyDigest | undefined,
  metrics: Metrics,
): ResponseGenerator {
  const { minRetrievalScore: minPassageScore, maxToolRounds, promptCaching, turnBudgets, maxToolCalls } = config.agent;
  if (!client) return new EmbeddedResponseGenerator({ minPassageScore, returnWindowDays: config.orders.returnWindowDays });
  const streaming = !config.agent.llmJudge;
  return new ClaudeResponseGenerator(client, {
    smallModel: config.models.small,
    mainModel: config.models.main,
    maxToolRounds,
    minPassageScore,
    promptCaching,
    streaming,
    policyDigest,
    turnBudgets,
    maxRetries: config.anthropic?.maxRetries,
    toolCallLimits: maxToolCalls,
    onToolCallRefused: (limit) => metrics.toolCallLimitHits.inc({ limit }),
  });
}

export function createHandoffSummarizer(config: AppConfig, client: Anthropic | null, logger: Logger): HandoffSummarizer {
  return client ? new ClaudeHandoffSummarizer(client, config.models.small, logger) : new TemplateHandoffSummarizer();
}

export function createAnswerJudge(config: AppConfig, client: Anthropic | null): AnswerJudge | undefined {
  return client && config.agent.llmJudge ? new ClaudeAnswerJudge(client, config.models.small) : undefined;
}

export function modelPrices(config: AppConfig): Record<string, ModelPrice> {
  return { ...DEFAULT_PRICES, ...config.agent.prices };
}

/** The shop's return window for the order tools; none when SHOP_RETURN_WINDOW_DAYS=0. */
export function shopReturnWindow(config: AppConfig): ReturnWindow | undefined {
  return config.orders.returnWindowDays > 0 ? { days: config.orders.returnWindowDays, now: () => new Date() } : undefined;
}
