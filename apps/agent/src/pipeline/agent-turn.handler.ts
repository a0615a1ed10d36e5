import {
  AgentReply,
  AgentTurnRepository,
  Conversation,
  ConversationLock,
  ConversationRepository,
  CustomerRepository,
  HandoffRepository,
  Message,
  MessageRepository,
  TurnHandler,
  TurnListener,
  TurnRequest,
} from '@support/conversation';
import { Logger, NotFoundError } from '@support/platform';
import { AgentPipeline } from './agent-pipeline';

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
      // Under the lock the conversation cannot change behind us: load it once per answer.
      let snapshot = await this.snapshot(turn.conversationId);
      // Workers may pick up a conversation's turns out of order: answer earlier messages first.
      for (const earlier of unansweredBefore(turn, snapshot)) {
        await this.answerOnce(earlier, emit, snapshot);
        snapshot = await this.snapshot(turn.conversationId);
      }
      return this.answerOnce(turn, emit, snapshot);
    });
  }

  /** Independent reads, started together: on a database server they overlap. */
  private async snapshot(conversationId: string): Promise<ConversationSnapshot> {
    const { messages, turns, conversations } = this.repositories;
    const [conversation, list, answered] = await Promise.all([conversations.get(conversationId), messages.list(conversationId), turns.answered(conversationId)]);
    return { conversation, messages: list, answered: new Set(answered.map((a) => a.messageId)), lastRoute: answered.at(-1)?.route ?? null };
  }

  private async answerOnce(turn: TurnRequest, emit: TurnListener, snapshot: ConversationSnapshot): Promise<AgentReply> {
    const stored = snapshot.answered.has(turn.messageId) ? await this.storedReply(turn) : null;
    const reply = stored ?? (await this.answer(turn, emit, snapshot));
    emit({ type: 'completed', conversationId: turn.conversationId, messageId: turn.messageId, reply });
    return reply;
  }

  private async answer(turn: TurnRequest, emit: TurnListener, snapshot: ConversationSnapshot): Promise<AgentReply> {
    const { customers, handoffs } = this.repositories;
    const { conversation } = snapshot;
    const index = snapshot.messages.findIndex((m) => m.id === turn.messageId);
    if (!conversation || index < 0) {
      throw new NotFoundError(`Turn for unknown message ${turn.messageId} in conversation ${turn.conversationId}`);
    }
    const message = snapshot.messages[index];
    if (conversation.status !== 'bot') {
      // A person has this conversation: the bot stays silent and the message waits for them.
      const handoff = await handoffs.latestForConversation(conversation.id);
      return { conversationId: conversation.id, messageId: message.id, replyMessageId: null, text: '', handoff: handoff && { reason: handoff.reason, summary: handoff.summary } };
    }
    const history = snapshot.messages.slice(0, index);
    const [customer, identities] = await Promise.all([customers.get(conversation.customerId), customers.identities(conversation.customerId)]);
    const log = this.logger.child({ conversationId: conversation.id, messageId: message.id });
    return this.pipeline.run({ conversation, customer: customer!, identities, message, history, previousRoute: snapshot.lastRoute }, (text) =>
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

interface ConversationSnapshot {
  conversation: Conversation | null;
  messages: Message[];
  /** Customer messages that already have a turn. */
  answered: Set<string>;
  /** The route of the conversation's last turn. */
  lastRoute: string | null;
}

/** Customer messages after the last answered one and before this turn's: they were never answered. */
function unansweredBefore(turn: TurnRequest, snapshot: ConversationSnapshot): TurnRequest[] {
  const { messages, answered } = snapshot;
  const current = messages.findIndex((m) => m.id === turn.messageId);
  let lastAnswered = -1;
  messages.forEach((m, i) => {
    if (answered.has(m.id)) lastAnswered = i;
  });
  return messages
    .slice(lastAnswered + 1, Math.max(current, lastAnswered + 1))
    .filter((m) => m.author === 'customer')
    .map((m) => ({ conversationId: turn.conversationId, messageId: m.id }));
}
