import { ToolCallRecord } from '@support/conversation';
import { OrderSummary } from '../orders/order-summary';
import { ToolSet } from '../tools/tool-set';

/** A US street address as customers type it: "12 Oak Street, Austin, TX 78701". */
const US_ADDRESS = /(?<![#\w])(\d+\s+[A-Za-z][A-Za-z0-9 .'#-]*?),\s*(?:([A-Za-z0-9 .'#-]+?),\s*)?([A-Za-z .'-]+?),\s*([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/;
const ASKS_ADDRESS_CHANGE = /\b(change|update|correct|fix)\b.*\baddress\b|\baddress\b.*\b(change|update|correct)/i;
const CONFIRMATION_QUESTION = (orderId: string, address: string) => `Do you want me to change the shipping address of order ${orderId} to ${address}? Reply yes to confirm.`;
const ASKED = /Do you want me to change the shipping address of order (#W\d{7}) to (.+)\? Reply yes/;

export interface NewAddress {
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export function wantsAddressChange(text: string): boolean {
  return ASKS_ADDRESS_CHANGE.test(text);
}

/** The new US address in the customer's message, or null when there is none complete enough to use. */
export function parseAddress(text: string): NewAddress | null {
  const match = US_ADDRESS.exec(text);
  if (!match) return null;
  const [, address1, address2, city, state, zip] = match;
  return { address1: address1.trim(), address2: address2?.trim() ?? '', city: city.trim(), state, zip, country: 'USA' };
}

export function formatAddress(address: NewAddress): string {
  return [address.address1, address.address2, address.city, `${address.state} ${address.zip}`].filter(Boolean).join(', ');
}

/** Before the change: what will happen, and the question whose "yes" the tools accept as confirmation. */
export function askToChangeAddress(order: OrderSummary, address: NewAddress): string {
  return `Order ${order.orderId} hasn't shipped yet, so its shipping address can still be changed. ${CONFIRMATION_QUESTION(order.orderId, formatAddress(address))}`;
}

/** The order and address the bot asked to change in its last message, when the customer has just said yes. */
export function confirmedAddressChange(lastBotText: string | null, customerConfirmed: boolean): { orderId: string; address: NewAddress } | null {
  if (!customerConfirmed || !lastBotText) return null;
  const asked = ASKED.exec(lastBotText);
  const address = asked ? parseAddress(asked[2]) : null;
  return asked && address ? { orderId: asked[1], address } : null;
}

/** Changes the address through the policy-enforcing tools (which check the confirmation themselves). */
export async function changeAddress(tools: ToolSet, orderId: string, address: NewAddress, toolCalls: ToolCallRecord[]): Promise<{ done: boolean; text: string }> {
  const execution = await tools.execute('change_order_address', { order_id: orderId, ...address });
  toolCalls.push(execution.record);
  if (execution.record.isError) {
    const refusal = execution.record.result as { message?: string };
    return { done: false, text: `I couldn't change the address of order ${orderId}: ${refusal.message ?? 'the order tools refused'}` };
  }
  return { done: true, text: `Done: order ${orderId} will now ship to ${formatAddress(address)}.` };
}
