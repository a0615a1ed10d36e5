import { IdentityKind } from '@support/conversation';
import { CustomerWords } from '../verification/customer-words';
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
  /** What the customer wrote: the only place an order number, email or ZIP code used as proof may come from. */
  customerWords: CustomerWords;
  /** Who failed proofs are counted against: the conversation, the customer, the client address when known. */
  proofScopes: string[];
}

export type ToolOutcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: 'needs_verification' | 'not_found' | 'invalid_argument' | 'confirmation_required' | 'refused' | 'not_given_by_customer' | 'verification_locked';
      message: string;
    };

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
