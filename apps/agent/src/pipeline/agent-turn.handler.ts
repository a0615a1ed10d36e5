import {
  AgentReply,
  AgentTurnRepository,
  ConversationRepository,
  CustomerRepository,
  HandoffRepository,
  MessageRepository,
  TurnHandler,
  TurnListener,
  TurnRequest,
} from '@support/conversation';
import { Logger, NotFoundError } from '@support/platform';
import { AgentPipeline } from './agent-pipeline';
import { ConversationLock } from '@support/conversation';

/**
 * The agent's side of the transport: answers each customer message once, in order per
 * conversation. A message already answered gets its stored answer again, not a new one.
 */
export class AgentTurnHandler extends TurnHandler {
  constructor(
    private readonly lock: ConversationLock,
    private readonly pipeline: AgentPipeline,
    private readonly repositories: {
      customers: CustomerRepository;
      conversations: ConversationRepository;
      messages: MessageRepository;
      turns: AgentTurnRepository;
      handoffs: HandoffRepository;
    },
    private readonly logger: Logger,
  ) {
    super();
  }

  handle(turn: TurnRequest, emit: TurnListener): Promise<AgentReply> {
    return this.lock.run(turn.conversationId, async () => {
      // Workers may pick up a conversation's turns out of order: answer earlier messages first.
      for (const earlier of await this.unansweredBefore(turn)) await this.answerOnce(earlier, emit);
      return this.answerOnce(turn, emit);
    });
  }

  private async answerOnce(turn: TurnRequest, emit: TurnListener): Promise<AgentReply> {
    const reply = (await this.storedReply(turn)) ?? (await this.answer(turn, emit));
    emit({ type: 'completed', conversationId: turn.conversationId, messageId: turn.messageId, reply });
    return reply;
  }

  private async unansweredBefore(turn: TurnRequest): Promise<TurnRequest[]> {
    const { messages, turns } = this.repositories;
    const all = await messages.list(turn.conversationId);
    const answered = new Set((await turns.list(turn.conversationId)).map((t) => t.messageId));
    const current = all.findIndex((m) => m.id === turn.messageId);
    let lastAnswered = -1;
    all.forEach((m, i) => {
      if (answered.has(m.id)) lastAnswered = i;
    });
    return all
      .slice(lastAnswered + 1, Math.max(current, lastAnswered + 1))
      .filter((m) => m.author === 'customer')
      .map((m) => ({ conversationId: turn.conversationId, messageId: m.id }));
  }

  private async answer(turn: TurnRequest, emit: TurnListener): Promise<AgentReply> {
    const { conversations, messages, customers, handoffs } = this.repositories;
    const conversation = await conversations.get(turn.conversationId);
    const message = await messages.get(turn.messageId);
    if (!conversation || !message || message.conversationId !== conversation.id) {
      throw new NotFoundError(`Turn for unknown message ${turn.messageId} in conversation ${turn.conversationId}`);
    }
    if (conversation.status !== 'bot') {
      // A person has this conversation: the bot stays silent and the message waits for them.
      const handoff = await handoffs.latestForConversation(conversation.id);
      return { conversationId: conversation.id, messageId: message.id, replyMessageId: null, text: '', handoff: handoff && { reason: handoff.reason, summary: handoff.summary } };
    }
    const all = await messages.list(conversation.id);
    const history = all.slice(0, all.findIndex((m) => m.id === message.id));
    const customer = (await customers.get(conversation.customerId))!;
    const identities = await customers.identities(customer.id);
    const previousRoute = (await this.repositories.turns.list(conversation.id)).at(-1)?.route ?? null;
    const log = this.logger.child({ conversationId: conversation.id, messageId: message.id });
    return this.pipeline.run({ conversation, customer, identities, message, history, previousRoute }, (text) =>
      emit({ type: 'delta', conversationId: conversation.id, messageId: message.id, text }),
    log);
  }

  private async storedReply(turn: TurnRequest): Promise<AgentReply | null> {
    const { turns, messages, handoffs } = this.repositories;
    const done = await turns.findByMessage(turn.messageId);
    if (!done) return null;
    const replyMessage = done.replyMessageId ? await messages.get(done.replyMessageId) : null;
    const handoff = done.gateDecision === 'handoff' ? await handoffs.latestForConversation(turn.conversationId) : null;
    return {
      conversationId: turn.conversationId,
      messageId: turn.messageId,
      replyMessageId: done.replyMessageId,
      text: replyMessage?.text ?? '',
      handoff: handoff && { reason: handoff.reason, summary: handoff.summary },
    };
  }
}
