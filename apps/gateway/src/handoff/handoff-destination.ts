import type { AgentReply, Conversation, Handoff } from '@support/conversation';
import type { CustomerReach } from './customer-reach';

/** One handoff, as every destination receives it: the stored handoff with its packet, where the customer is. */
export interface HandoffDelivery {
  /** `handoff`: the bot just handed off. `follow_up`: the customer wrote again while a person has the conversation. */
  kind: 'handoff' | 'follow_up';
  handoff: Handoff;
  conversation: Conversation;
  reply: AgentReply;
  reach: CustomerReach;
}

/**
 * Where a handoff goes besides the workspace inbox (which lists every recorded handoff, always): the team's
 * mailbox, the Twilio voice queue, later a helpdesk (Zendesk, Front). Called only by `HandoffDesk`.
 */
export interface HandoffDestination {
  readonly name: string;
  accepts(delivery: HandoffDelivery): boolean;
  deliver(delivery: HandoffDelivery): Promise<void>;
}
