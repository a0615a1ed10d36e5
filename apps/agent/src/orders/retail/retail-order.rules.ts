import { CancelReason, Order, OrderItem, PaymentMethod, Product, ShopAddress, ShopUser } from '../shop.model';
import { isWithinReturnWindow, lastDelivery, ReturnWindow } from '../return-window';
import { roundCents } from './money';
import { refuse, RetailOutcome, RetailRefusal, succeed } from './retail-outcome';

/**
 * The retail policy's order actions as pure functions: from the order, its owner and the catalogue to the
 * changed order (and owner, when a gift-card balance moves), or a refusal that says why. Nothing is mutated.
 */
export interface OrderChange {
  order: Order;
  /** Present when the owner's payment methods changed (a gift-card balance). */
  user?: ShopUser;
}

export const CANCEL_REASONS: readonly CancelReason[] = ['no longer needed', 'ordered by mistake'];
export const ITEMS_MODIFIED_STATUS = 'pending (item modified)';

export function cancelPendingOrder(order: Order, user: ShopUser, reason: string): RetailOutcome<OrderChange> {
  if (order.status !== 'pending') return notInStatus(order, 'pending', 'cancelled');
  if (!CANCEL_REASONS.includes(reason as CancelReason)) {
    return refuse('invalid_argument', `The reason must be 'no longer needed' or 'ordered by mistake', not '${reason}'.`);
  }
  const next = structuredClone(order);
  const owner = structuredClone(user);
  // Everything still held is refunded to the method that paid it; a gift card is credited at once.
  for (const [methodId, amount] of netPaidByMethod(order)) {
    next.payment_history.push({ transaction_type: 'refund', amount, payment_method_id: methodId });
    creditGiftCard(owner, methodId, amount);
  }
  next.status = 'cancelled';
  next.cancel_reason = reason as CancelReason;
  return succeed({ order: next, user: owner });
}

export function modifyPendingOrderAddress(order: Order, address: ShopAddress): RetailOutcome<OrderChange> {
  if (order.status !== 'pending') return notInStatus(order, 'pending', 'modified');
  return succeed({ order: { ...structuredClone(order), address: { ...address } } });
}

export function modifyPendingOrderPayment(order: Order, user: ShopUser, paymentMethodId: string): RetailOutcome<OrderChange> {
  if (order.status !== 'pending') return notInStatus(order, 'pending', 'modified');
  const method = user.payment_methods[paymentMethodId];
  if (!method) return unknownPaymentMethod(paymentMethodId);
  const held = [...netPaidByMethod(order)];
  if (held.length !== 1) return refuse('invalid_state', 'The order is not paid by exactly one payment method, so its payment cannot be switched.');
  const [[currentId, amount]] = held;
  if (currentId === paymentMethodId) return refuse('invalid_argument', `The order is already paid with ${paymentMethodId}; choose a different payment method.`);
  if (method.source === 'gift_card' && (method.balance ?? 0) < amount) return insufficientBalance(method, amount, 'pay for the order');
  const next = structuredClone(order);
  const owner = structuredClone(user);
  next.payment_history.push(
    { transaction_type: 'payment', amount, payment_method_id: paymentMethodId },
    { transaction_type: 'refund', amount, payment_method_id: currentId },
  );
  creditGiftCard(owner, paymentMethodId, -amount);
  creditGiftCard(owner, currentId, amount);
  return succeed({ order: next, user: owner });
}

export function modifyPendingOrderItems(
  order: Order,
  user: ShopUser,
  catalogue: Map<string, Product>,
  itemIds: string[],
  newItemIds: string[],
  paymentMethodId: string,
): RetailOutcome<OrderChange> {
  if (order.status !== 'pending') {
    const once = order.status === ITEMS_MODIFIED_STATUS ? ' Items of an order can be modified only once.' : '';
    return refuse('invalid_state', `Order ${order.order_id} is '${order.status}'; only a 'pending' order's items can be modified.${once}`);
  }
  const swap = planSwap(order, catalogue, itemIds, newItemIds);
  if (!swap.ok) return swap;
  const method = user.payment_methods[paymentMethodId];
  if (!method) return unknownPaymentMethod(paymentMethodId);
  const difference = swap.data.priceDifference;
  if (method.source === 'gift_card' && (method.balance ?? 0) < difference) return insufficientBalance(method, difference, 'pay the price difference');
  const next = structuredClone(order);
  const owner = structuredClone(user);
  next.items = swap.data.items;
  // τ-bench records the difference even when it is zero: a payment when it costs more, else a refund.
  next.payment_history.push({ transaction_type: difference > 0 ? 'payment' : 'refund', amount: Math.abs(difference), payment_method_id: paymentMethodId });
  creditGiftCard(owner, paymentMethodId, -difference);
  next.status = ITEMS_MODIFIED_STATUS;
  return succeed({ order: next, user: owner });
}

export function returnDeliveredOrderItems(
  order: Order,
  user: ShopUser,
  itemIds: string[],
  paymentMethodId: string,
  window?: ReturnWindow,
): RetailOutcome<OrderChange> {
  if (order.status !== 'delivered') return notInStatus(order, 'delivered', 'returned');
  const closed = windowClosed(order, window, 'returned');
  if (closed) return closed;
  const method = user.payment_methods[paymentMethodId];
  if (!method) return unknownPaymentMethod(paymentMethodId);
  const original = order.payment_history[0]?.payment_method_id;
  if (method.source !== 'gift_card' && paymentMethodId !== original) {
    return refuse('invalid_argument', `A refund goes to the original payment method (${original}) or an existing gift card, not ${paymentMethodId}.`);
  }
  const missing = missingItems(order, itemIds);
  if (missing) return missing;
  return succeed({
    order: { ...structuredClone(order), status: 'return requested', return_items: [...itemIds].sort(), return_payment_method_id: paymentMethodId },
  });
}

export function exchangeDeliveredOrderItems(
  order: Order,
  user: ShopUser,
  catalogue: Map<string, Product>,
  itemIds: string[],
  newItemIds: string[],
  paymentMethodId: string,
  window?: ReturnWindow,
): RetailOutcome<OrderChange> {
  if (order.status !== 'delivered') return notInStatus(order, 'delivered', 'exchanged');
  const closed = windowClosed(order, window, 'exchanged');
  if (closed) return closed;
  const swap = planSwap(order, catalogue, itemIds, newItemIds);
  if (!swap.ok) return swap;
  const method = user.payment_methods[paymentMethodId];
  if (!method) return unknownPaymentMethod(paymentMethodId);
  const difference = swap.data.priceDifference;
  if (method.source === 'gift_card' && (method.balance ?? 0) < difference) return insufficientBalance(method, difference, 'pay the price difference');
  // Nothing is charged yet: the difference is settled when the returned items arrive.
  return succeed({
    order: {
      ...structuredClone(order),
      status: 'exchange requested',
      exchange_items: [...itemIds].sort(),
      exchange_new_items: [...newItemIds].sort(),
      exchange_payment_method_id: paymentMethodId,
      exchange_price_difference: difference,
    },
  });
}

export function modifyUserAddress(user: ShopUser, address: ShopAddress): ShopUser {
  return { ...structuredClone(user), address: { ...address } };
}

/**
 * Matches each old item to a distinct line of the order (duplicates allowed, as many as the order holds) and
 * each new item to an available variant of the same product. Keeping an item as it is counts as a change of
 * nothing, as in τ-bench's gold actions.
 */
function planSwap(
  order: Order,
  catalogue: Map<string, Product>,
  itemIds: string[],
  newItemIds: string[],
): RetailOutcome<{ items: OrderItem[]; priceDifference: number }> {
  if (!itemIds.length) return refuse('invalid_argument', 'List at least one item to change.');
  if (itemIds.length !== newItemIds.length) {
    return refuse(
      'invalid_argument',
      `item_ids has ${itemIds.length} items but new_item_ids has ${newItemIds.length}; each old item needs exactly one new item in the same position.`,
    );
  }
  const missing = missingItems(order, itemIds);
  if (missing) return missing;
  const items = structuredClone(order.items);
  const used = new Set<number>();
  let difference = 0;
  for (const [position, itemId] of itemIds.entries()) {
    const index = items.findIndex((item, i) => item.item_id === itemId && !used.has(i));
    used.add(index);
    const item = items[index];
    const product = catalogue.get(item.product_id);
    const variant = product?.variants[newItemIds[position]];
    if (!variant) {
      return refuse(
        'invalid_argument',
        `Item ${newItemIds[position]} is not a variant of ${item.name} (product ${item.product_id}); an item can only change to another option of the same product.`,
      );
    }
    if (!variant.available) return refuse('invalid_state', `Item ${variant.item_id} (${item.name}, ${describeOptions(variant.options)}) is not available.`);
    difference += variant.price - item.price;
    items[index] = { ...item, item_id: variant.item_id, price: variant.price, options: { ...variant.options } };
  }
  return succeed({ items, priceDifference: roundCents(difference) });
}

function missingItems(order: Order, itemIds: string[]): RetailRefusal | null {
  if (!itemIds.length) return refuse('invalid_argument', 'List at least one item of the order.');
  const held = new Map<string, number>();
  for (const item of order.items) held.set(item.item_id, (held.get(item.item_id) ?? 0) + 1);
  for (const itemId of itemIds) {
    const left = held.get(itemId) ?? 0;
    if (left === 0) return refuse('not_found', `Item ${itemId} is not in order ${order.order_id} (or is listed more times than the order holds it).`);
    held.set(itemId, left - 1);
  }
  return null;
}

/** What each payment method has paid for the order and not yet had back, in the order the methods first paid. */
function netPaidByMethod(order: Order): Map<string, number> {
  const net = new Map<string, number>();
  for (const record of order.payment_history) {
    const sign = record.transaction_type === 'payment' ? 1 : -1;
    net.set(record.payment_method_id, roundCents((net.get(record.payment_method_id) ?? 0) + sign * record.amount));
  }
  for (const [methodId, amount] of net) if (amount <= 0) net.delete(methodId);
  return net;
}

function creditGiftCard(user: ShopUser, methodId: string, amount: number): void {
  const method = user.payment_methods[methodId];
  if (method?.source === 'gift_card') method.balance = roundCents((method.balance ?? 0) + amount);
}

/**
 * A shop with a return window (τ-bench's has none) refuses returns and exchanges once it has closed.
 * An order without a delivery date cannot be checked, and is not refused for it.
 */
function windowClosed(order: Order, window: ReturnWindow | undefined, action: string): RetailRefusal | null {
  const deliveredAt = order.fulfillments.map((f) => f.delivered_at);
  const delivered = lastDelivery(deliveredAt);
  if (!window || !delivered || isWithinReturnWindow(deliveredAt, window)) return null;
  const day = delivered.toISOString().slice(0, 10);
  return refuse(
    'invalid_state',
    `Order ${order.order_id} was delivered on ${day}, more than ${window.days} days ago: it is outside the return window and can no longer be ${action}.`,
  );
}

function notInStatus(order: Order, required: string, action: string) {
  return refuse('invalid_state', `Order ${order.order_id} is '${order.status}'; only a '${required}' order can be ${action}.`);
}

function unknownPaymentMethod(paymentMethodId: string) {
  return refuse('not_found', `Payment method ${paymentMethodId} is not one of the customer's payment methods.`);
}

function insufficientBalance(method: PaymentMethod, amount: number, purpose: string) {
  return refuse('insufficient_balance', `Gift card ${method.id} has a balance of ${method.balance ?? 0}, not enough to ${purpose} (${amount}).`);
}

function describeOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
