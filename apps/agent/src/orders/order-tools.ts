import { IdentityKind } from '@support/conversation';
import { OrderSummary } from './order-summary';

/** Who is asking, as the conversation (not the model) knows it. */
export interface OrderAccessContext {
  conversationId: string;
  /** The shop account this conversation already proved it owns. */
  verifiedShopUserId: string | null;
  /** Identities the channel itself vouches for (the phone that called, the sender of the mail). */
  verifiedIdentities: Array<{ kind: IdentityKind; address: string }>;
  /** Remember that the conversation proved ownership of this account. */
  rememberVerified(shopUserId: string): Promise<void>;
}

export type ToolOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; code: 'needs_verification' | 'not_found' | 'invalid_argument' | 'confirmation_required' | 'refused'; message: string };

export interface OrderLookup {
  orderId: string;
  email?: string;
  zip?: string;
}

/** The order tools of one conversation. Authorisation lives here, never in a prompt. */
export interface OrderToolSession {
  lookupOrder(lookup: OrderLookup): Promise<ToolOutcome<OrderSummary>>;
  listOrders(): Promise<ToolOutcome<OrderSummary[]>>;
  /** The shop account this conversation has proven it owns, if any. */
  verifiedCustomerId(): Promise<string | null>;
}

/** Opens the order tools for a conversation. */
export abstract class OrderTools {
  abstract forConversation(context: OrderAccessContext): OrderToolSession;
}
