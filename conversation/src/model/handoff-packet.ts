import { IdentityKind } from './channel';

/**
 * What every handoff destination receives: one structured account of the conversation so far, for the person
 * taking over (the workspace shows it, the email forward puts its summary on top, the voice queue reads it out).
 */
export interface HandoffPacket {
  /** Why the bot stepped aside, e.g. `customer_request`, `low_retrieval`, `provider_error`. */
  reason: string;
  /** The summary a person reads first (written by the small model, or from the template). */
  summary: string;
  channel: string;
  customer: {
    name: string | null;
    email: string | null;
    /** The shop account the conversation proved it owns, if any. */
    verifiedShopUserId: string | null;
    identities: Array<{ kind: IdentityKind; address: string; verified: boolean }>;
  };
  route: { route: string; intent: string; confidence: number };
  /** The customer's latest messages, oldest first. */
  wants: string[];
  /** Help-center passages the bot found. */
  found: Array<{ title: string; score: number; policyIds: string[] }>;
  /** Tools the bot ran, with what they returned (personal data redacted). */
  did: Array<{ name: string; arguments: Record<string, unknown>; ok: boolean; result: unknown }>;
  /** Changes the bot proposed that the customer has not agreed to yet: what the customer was promised. */
  promised: string[];
  sentiment: { trend: number; direction: 'improving' | 'steady' | 'worsening' };
  nextStep: string;
}
