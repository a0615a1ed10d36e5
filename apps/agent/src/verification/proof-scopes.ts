import { Conversation } from '@support/conversation';

/**
 * What failed proofs of ownership are counted against: the conversation, the customer identity and,
 * on web chat, the client's address, so that neither a new conversation nor a new identity resets the count.
 */
export function proofScopesOf(conversation: Conversation): string[] {
  const scopes = [`conversation:${conversation.id}`, `customer:${conversation.customerId}`];
  return conversation.clientAddress ? [...scopes, `client:${conversation.clientAddress}`] : scopes;
}
