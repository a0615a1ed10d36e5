import { OrderSummary } from '../orders/order-summary';

/** A US street address as customers type it: "12 Oak Street, Austin, TX 78701". */
const US_ADDRESS = /(?<![#\w])(\d+\s+[A-Za-z][A-Za-z0-9 .'#-]*?),\s*(?:([A-Za-z0-9 .'#-]+?),\s*)?([A-Za-z .'-]+?),\s*([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/;
const ASKS_ADDRESS_CHANGE = /\b(change|update|correct|fix)\b.*\baddress\b|\baddress\b.*\b(change|update|correct)/i;

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

/** Before the change: what will happen; the product's own question follows. */
export function askToChangeAddress(order: OrderSummary): string {
  return `Order ${order.orderId} hasn't shipped yet, so its shipping address can still be changed.`;
}
