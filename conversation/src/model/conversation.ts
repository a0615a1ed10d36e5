import { Channel } from './channel';

/**
 * Where a conversation stands: the bot answers (`bot`), it waits for a person (`waiting_for_human`), a person
 * has it (`with_human`), a person finished (`resolved`: the next customer message goes back to the bot), or it
 * is over (`closed`). Transitions are legal only through `ConversationStates`.
 */
export const CONVERSATION_STATUSES = ['bot', 'waiting_for_human', 'with_human', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface Conversation {
  id: string;
  customerId: string;
  channel: Channel;
  status: ConversationStatus;
  intent: string | null;
  /** Exponentially weighted customer sentiment in [-1, 1]; negative means getting worse. */
  sentimentTrend: number;
  /** The shop account this conversation has proven it owns (order number + email or postcode, or a verified channel identity). */
  verifiedShopUserId: string | null;
  /** Web chat: the network address the conversation was opened from (null on other channels). */
  clientAddress: string | null;
  /** Who has it while `with_human`: a support agent's id (or a team mailbox, `mailbox:<address>`). */
  assignee: string | null;
  /** Since when it has waited for a person; null unless `waiting_for_human` or `with_human`. */
  waitingSince: Date | null;
  /** When a person last resolved it: the bot reads nothing before this as the current topic. */
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
