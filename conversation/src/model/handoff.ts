import { HandoffPacket } from './handoff-packet';

export type HandoffStatus = 'open' | 'accepted' | 'closed';

export interface Handoff {
  id: string;
  conversationId: string;
  turnId: string | null;
  /** Why the bot stepped aside, e.g. `customer_request`, `low_retrieval`, `provider_error`. */
  reason: string;
  /** Written for the human who takes over: who, what they want, what the bot found and did, what next. */
  summary: string;
  /** The queue it waits in (`HANDOFF_QUEUE`). */
  target: string;
  /** The structured account every destination gets; null on handoffs recorded before packets existed. */
  packet: HandoffPacket | null;
  status: HandoffStatus;
  createdAt: Date;
}
