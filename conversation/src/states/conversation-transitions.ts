import { ConversationStatus } from '../model/conversation';

/** Every way a conversation's status may change, and from where. Anything else is refused. */
export const CONVERSATION_TRANSITIONS = {
  /** The bot hands off (again, after a resolve): a person is needed. */
  handOff: { from: ['bot', 'resolved', 'waiting_for_human'], to: 'waiting_for_human' },
  /** A person takes a waiting conversation. */
  claim: { from: ['waiting_for_human'], to: 'with_human' },
  /** Another person takes it over from the one who has it. */
  reassign: { from: ['with_human'], to: 'with_human' },
  /** The person gives it back to the queue. */
  unassign: { from: ['with_human'], to: 'waiting_for_human' },
  /** Done: the bot answers the next message. */
  resolve: { from: ['waiting_for_human', 'with_human'], to: 'resolved' },
  /** The customer wrote again after a resolve: the bot has it, from a fresh start. */
  reopen: { from: ['resolved'], to: 'bot' },
  close: { from: ['bot', 'waiting_for_human', 'with_human', 'resolved'], to: 'closed' },
} as const satisfies Record<string, { from: readonly ConversationStatus[]; to: ConversationStatus }>;

export type ConversationTransition = keyof typeof CONVERSATION_TRANSITIONS;

/** A transition the conversation's current state does not allow (claiming one a person already has, resolving a closed one, …). */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';

  constructor(
    readonly conversationId: string,
    readonly transition: ConversationTransition,
    readonly status: ConversationStatus,
    readonly assignee: string | null,
  ) {
    super(illegalMessage(transition, status, assignee));
  }
}

function illegalMessage(transition: ConversationTransition, status: ConversationStatus, assignee: string | null): string {
  if (status === 'with_human' && (transition === 'claim' || transition === 'reassign' || transition === 'unassign') && assignee) {
    return `Cannot ${transition}: ${assignee} has this conversation.`;
  }
  const allowed = CONVERSATION_TRANSITIONS[transition].from.join(' or ');
  return `Cannot ${transition} a conversation that is ${status.replace(/_/g, ' ')} (only when ${allowed.replace(/_/g, ' ')}).`;
}
