import { OrderSummary } from '@support/agent';
import { Message } from '@support/conversation';

export interface DraftRequest {
  customerName: string | null;
  /** The whole conversation, oldest first. */
  messages: Message[];
  /**
   * The orders of the shop account the conversation proved it owns (the bot's order-tool rules), from the order store;
   * null when the customer proved nothing, so the draft gives no order details.
   */
  orders: OrderSummary[] | null;
}

export interface ReplyDraft {
  text: string;
  /** The help-center articles the draft rests on, for the person to check. */
  sources: Array<{ title: string; url: string | null; score: number }>;
  /** Who wrote it: `embedded` (from help-center passages) or a model name. */
  writer: string;
}

/** Drafts a reply a person edits before sending: nothing here sends anything. */
export abstract class ReplyDrafter {
  abstract draft(request: DraftRequest): Promise<ReplyDraft>;
}
