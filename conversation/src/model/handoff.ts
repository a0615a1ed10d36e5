export type HandoffStatus = 'open' | 'accepted' | 'closed';

export interface Handoff {
  id: string;
  conversationId: string;
  turnId: string | null;
  /** Why the bot stepped aside, e.g. `customer_request`, `low_retrieval`, `provider_error`. */
  reason: string;
  /** Written for the human who takes over: who, what they want, what the bot found and did, what next. */
  summary: string;
  /** A queue name (voice, chat) or an address (email). */
  target: string;
  status: HandoffStatus;
  createdAt: Date;
}
