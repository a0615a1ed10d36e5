import { Channel } from './channel';

export const CONVERSATION_STATUSES = ['bot', 'waiting_for_human', 'with_human', 'closed'] as const;
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
  createdAt: Date;
  updatedAt: Date;
}
