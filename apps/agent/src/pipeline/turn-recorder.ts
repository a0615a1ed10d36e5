import { AgentReply, AgentTurnRepository, ConversationRepository, ConversationStates, HandoffRepository, MessageRepository } from '@support/conversation';
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
  states: ConversationStates;
  pendingActions: PendingActionRepository;
}

/**
 * Stores a turn in one transaction (the bot's message, the turn record with redacted tool data,
 * the handoff with its packet, the conversation's new state) and counts it in the metrics. A handoff
 * recorded here is what the workspace inbox lists: that destination is always on.
 */
export class TurnRecorder {
  constructor(
    private readonly stores: TurnRecorderStores,
    private readonly metrics: Metrics,
    /** `queue`: the queue handoffs wait in (`HANDOFF_QUEUE`). */
    private readonly options: { queue: string; prices?: Record<string, ModelPrice> },
    private readonly redactor = new PiiRedactor(),
  ) {}

  async record(context: TurnContext, outcome: TurnOutcome, log: Logger): Promise<AgentReply> {
    const { conversation, message } = context;
    const { route, gate } = outcome;
    const spend = totalSpend(outcome.modelCalls, this.options.prices);
    const turnId = newId('turn');
    const redaction = new ConversationRedaction(this.redactor);
    const toolCalls = redaction.redactDeep(outcome.toolCalls);
    const packet = outcome.handoff && { ...outcome.handoff.packet, did: redaction.redactDeep(outcome.handoff.packet.did) };
    let handoffId: string | undefined;
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
      if (outcome.handoff) {
        const stored = await this.stores.handoffs.insert(
          { conversationId: conversation.id, turnId, reason: gate.reason!, summary: outcome.handoff.summary, target: this.options.queue, packet },
          tx,
        );
        handoffId = stored.id;
        await this.stores.states.handOff(conversation.id, tx);
      }
      await this.stores.conversations.update(conversation.id, { intent: route.intent, sentimentTrend: outcome.sentimentTrend }, tx);
      return reply.id;
    });
    // While a person is awaited the gate hands off nothing new: the customer's message joins the handoff they wait on.
    const awaited =
      !outcome.handoff && context.waitingForPerson && gate.decision === 'handoff' ? await this.stores.handoffs.latestForConversation(conversation.id) : null;
    this.count(outcome, spend.costUsd);
    log.info(
      { turnId, route: route.route, stage: route.stage, gate: gate.decision, gateReason: gate.reason, costUsd: spend.costUsd, latencyMs: outcome.latencyMs },
      'turn answered',
    );
    return {
      conversationId: conversation.id,
      messageId: message.id,
      replyMessageId,
      text: outcome.text,
      handoff: outcome.handoff
        ? { handoffId, reason: gate.reason!, summary: outcome.handoff.summary }
        : awaited && { handoffId: awaited.id, reason: awaited.reason, summary: awaited.summary, earlier: true },
      waitingFor: outcome.handoff || context.waitingForPerson ? 'person' : null,
    };
  }

  private count(outcome: TurnOutcome, costUsd: number): void {
    if (outcome.handoff) this.metrics.handoffs.inc({ reason: outcome.gate.reason! });
    if (outcome.toolRoundCapHit) this.metrics.toolRoundCapHits.inc();
    if (costUsd) this.metrics.modelCost.inc(costUsd);
    for (const call of outcome.modelCalls) {
      const kinds = { input: call.usage.input, output: call.usage.output, cache_read: call.usage.cacheRead, cache_write: call.usage.cacheWrite };
      for (const [kind, count] of Object.entries(kinds)) if (count) this.metrics.tokens.inc({ model: call.model, kind }, count);
    }
  }
}
