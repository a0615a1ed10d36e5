import {
  AgentReply,
  AgentTurnRepository,
  Conversation,
  ConversationLock,
  ConversationRepository,
  ConversationStates,
  CustomerRepository,
  HandoffRepository,
  Message,
  MessageRepository,
  peopleHave,
  TurnHandler,
  TurnListener,
  TurnRequest,
} from '@support/conversation';
import { Logger, NotFoundError } from '@support/platform';
import { AgentPipeline } from './agent-pipeline';

/**
 * The agent's side of the transport: answers each customer message once, in order per
 * conversation. A message already answered gets its stored answer again, not a new one.
 * While a person has the conversation the bot stays silent, and a message sent then stays the person's even
 * when its turn comes after they gave it back or resolved it; after a person resolved it, the customer's next
 * message reopens it to the bot, which reads nothing from before as the topic.
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
      states: ConversationStates;
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
    const [conversation, list, answered] = await Promise.all([
      conversations.get(conversationId),
      messages.list(conversationId),
      turns.answered(conversationId),
    ]);
    return { conversation, messages: list, answered: new Set(answered.map((a) => a.messageId)), lastRoute: answered.at(-1)?.route ?? null };
  }

  private async answerOnce(turn: TurnRequest, emit: TurnListener, snapshot: ConversationSnapshot): Promise<AgentReply> {
    const stored = snapshot.answered.has(turn.messageId) ? await this.storedReply(turn) : null;
    const reply = stored ?? (await this.answer(turn, emit, snapshot).catch((error) => this.answeredElsewhere(turn, error)));
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
    if (conversation.status === 'with_human' || conversation.status === 'closed' || peopleHave(message, snapshot.messages)) {
      // A person has this conversation, or this message (sent while a person had it, or answered by one since): the
      // bot stays silent, whatever the state is now, and the message waits for them.
      const handoff = await handoffs.latestForConversation(conversation.id);
      return {
        conversationId: conversation.id,
        messageId: message.id,
        replyMessageId: null,
        text: '',
        handoff: handoff && { handoffId: handoff.id, reason: handoff.reason, summary: handoff.summary, earlier: true },
        waitingFor: conversation.status === 'with_human' || conversation.status === 'waiting_for_human' ? 'person' : null,
      };
    }
    const current = conversation.status === 'resolved' ? await this.repositories.states.reopen(conversation.id) : conversation;
    const history = sinceResolved(snapshot.messages.slice(0, index), current.resolvedAt);
    const [customer, identities] = await Promise.all([customers.get(conversation.customerId), customers.identities(conversation.customerId)]);
    const log = this.logger.child({ conversationId: conversation.id, messageId: message.id });
    return this.pipeline.run(
      {
        conversation: current,
        customer: customer!,
        identities,
        message,
        history,
        previousRoute: history.length ? snapshot.lastRoute : null,
        waitingForPerson: current.status === 'waiting_for_human',
      },
      (text) => emit({ type: 'delta', conversationId: conversation.id, messageId: message.id, text }),
      log,
    );
  }

  /**
   * A worker that lost its turn (stalled, then taken over) finds the turn recorded by the one that took it over:
   * the record is unique per message, so its own answer was rolled back and the stored one stands.
   */
  private async answeredElsewhere(turn: TurnRequest, error: unknown): Promise<AgentReply> {
    const stored = isUniqueViolation(error) ? await this.storedReply(turn) : null;
    if (!stored) throw error;
    this.logger.info({ conversationId: turn.conversationId, messageId: turn.messageId }, 'turn already answered by another worker; its answer stands');
    return stored;
  }

  private async storedReply(turn: TurnRequest): Promise<AgentReply | null> {
    const { turns, messages, handoffs } = this.repositories;
    const done = await turns.findByMessage(turn.messageId);
    if (!done) return null;
    const replyMessage = done.replyMessageId ? await messages.get(done.replyMessageId) : null;
    const made = done.gateDecision === 'handoff' ? await handoffs.forTurn(done.id) : null;
    const handoff = made ?? (done.gateDecision === 'handoff' ? await handoffs.latestForConversation(turn.conversationId) : null);
    return {
      conversationId: turn.conversationId,
      messageId: turn.messageId,
      replyMessageId: done.replyMessageId,
      text: replyMessage?.text ?? '',
      handoff: handoff && { handoffId: handoff.id, reason: handoff.reason, summary: handoff.summary, ...(made ? {} : { earlier: true }) },
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

/** What the bot reads as this conversation: after a person resolved it, only what came since (a clean break). */
function sinceResolved(messages: Message[], resolvedAt: Date | null): Message[] {
  return resolvedAt ? messages.filter((m) => m.createdAt > resolvedAt) : messages;
}

/**
 * Customer messages after the last answered one and before this turn's: they were never answered. Messages from
 * before a resolve, sent while a person had the conversation, or answered by a person were theirs, not the bot's.
 */
function unansweredBefore(turn: TurnRequest, snapshot: ConversationSnapshot): TurnRequest[] {
  const { answered } = snapshot;
  const messages = sinceResolved(snapshot.messages, snapshot.conversation?.resolvedAt ?? null);
  const current = messages.findIndex((m) => m.id === turn.messageId);
  let lastAnswered = -1;
  messages.forEach((m, i) => {
    if (answered.has(m.id)) lastAnswered = i;
  });
  return messages
    .slice(lastAnswered + 1, Math.max(current, lastAnswered + 1))
    .filter((m) => m.author === 'customer' && !peopleHave(m, messages))
    .map((m) => ({ conversationId: turn.conversationId, messageId: m.id }));
}

/** PostgreSQL's (and PGlite's) unique_violation. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
