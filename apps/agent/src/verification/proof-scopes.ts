import { Conversation } from '@support/conversation';

/**
 * What failed proofs of ownership are counted against: the conversation, the customer identity and,
 * on web chat, the client's address, so that neither a new conversation nor a new identity resets the count.
 */
export function proofScopesOf(conversation: Conversation): string[] {
  const scopes = [`conversation:${conversation.id}`, `customer:${conversation.customerId}`];
  return conversation.clientAddress ? [...scopes, `client:${clientNetwork(conversation.clientAddress)}`] : scopes;
}

/**
 * The network a client address stands for: an IPv4 address itself, an IPv6 address its /64, which one
 * subscriber usually holds whole (so walking through it gains nothing).
 */
export function clientNetwork(address: string): string {
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mappedV4) return mappedV4[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
