import { AgentReply, AgentTurnRepository, ConversationRepository, HandoffRepository, MessageRepository } from '@support/conversation';
import { Database, Logger, Metrics, newId } from '@support/platform';
import { PendingActionRepository } from '../consent/pending-action.repository';
import { totalSpend } from '../cost/model-spend';
import { ModelPrice } from '../cost/price-table';
import { ConversationRedaction } from '../pii/conversation-redaction';
import { PiiRedactor } from '../pii/pii-redactor';
import { TurnContext } from './agent-pipeline';
import { TurnOutcome } from './turn-outcome';

export interface TurnRecorderStores {
  db: Database;
  conversations: ConversationRepository;
  messages: MessageRepository;
  turns: AgentTurnRepository;
  handoffs: HandoffRepository;
  pendingActions: PendingActionRepository;
}

/**
 * Stores a turn in one transaction (the bot's message, the turn record with redacted tool data,
 * the handoff, the conversation's new state) and counts it in the metrics.
 */
export class TurnRecorder {
  constructor(
    private readonly stores: TurnRecorderStores,
    private readonly metrics: Metrics,
    private readonly options: { handoffTarget: (channel: string) => string; prices?: Record<string, ModelPrice> },
    private readonly redactor = new PiiRedactor(),
  ) {}

  async record(context: TurnContext, outcome: TurnOutcome, log: Logger): Promise<AgentReply> {
    const { conversation, message } = context;
    const { route, gate } = outcome;
    const spend = totalSpend(outcome.modelCalls, this.options.prices);
    const turnId = newId('turn');
    const toolCalls = new ConversationRedaction(this.redactor).redactDeep(outcome.toolCalls);
    const replyMessageId = await this.stores.db.transaction(async (tx) => {
      const { message: reply } = await this.stores.messages.insert(
        { conversationId: conversation.id, channel: conversation.channel, direction: 'outbound', author: 'bot', text: outcome.text },
        tx,
      );
      await this.stores.turns.insert(
        {
          id: turnId,
          conversationId: conversation.id,
          messageId: message.id,
          replyMessageId: reply.id,
          route: route.route,
          intent: route.intent,
          intentConfidence: route.confidence,
          passages: outcome.passages.map((p) => ({ id: p.id, title: p.title, score: Math.round(p.score * 1e4) / 1e4, policyIds: p.policyIds })),
          toolCalls,
          model: outcome.model,
          usage: spend.usage,
          costUsd: spend.costUsd,
          latencyMs: outcome.latencyMs,
          gateDecision: gate.decision,
          gateReason: gate.reason,
        },
        tx,
      );
      if (outcome.proposal) await this.stores.pendingActions.propose(conversation.id, message.id, outcome.proposal, tx);
      if (outcome.handoffSummary) {
        const target = this.options.handoffTarget(conversation.channel);
        await this.stores.handoffs.insert({ conversationId: conversation.id, turnId, reason: gate.reason!, summary: outcome.handoffSummary, target }, tx);
      }
      await this.stores.conversations.update(
        conversation.id,
        { intent: route.intent, sentimentTrend: outcome.sentimentTrend, ...(outcome.handoffSummary ? { status: 'waiting_for_human' as const } : {}) },
        tx,
      );
      return reply.id;
    });
    this.count(outcome, spend.costUsd);
    log.info({ turnId, route: route.route, stage: route.stage, gate: gate.decision, gateReason: gate.reason, costUsd: spend.costUsd, latencyMs: outcome.latencyMs }, 'turn answered');
    return {
      conversationId: conversation.id,
      messageId: message.id,
      replyMessageId,
      text: outcome.text,
      handoff: outcome.handoffSummary ? { reason: gate.reason!, summary: outcome.handoffSummary } : null,
    };
  }

  private count(outcome: TurnOutcome, costUsd: number): void {
    if (outcome.handoffSummary) this.metrics.handoffs.inc({ reason: outcome.gate.reason! });
    if (outcome.toolRoundCapHit) this.metrics.toolRoundCapHits.inc();
    if (costUsd) this.metrics.modelCost.inc(costUsd);
    for (const call of outcome.modelCalls) {
      const kinds = { input: call.usage.input, output: call.usage.output, cache_read: call.usage.cacheRead, cache_write: call.usage.cacheWrite };
      for (const [kind, count] of Object.entries(kinds)) if (count) this.metrics.tokens.inc({ model: call.model, kind }, count);
    }
  }
}
