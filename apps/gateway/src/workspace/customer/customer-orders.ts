import { Order, OrderSummary as OrderDetails, ShopRepository, summariseOrder, verifiedShopAccount, vouchedIdentities } from '@support/agent';
import { Conversation, CustomerIdentity, Message } from '@support/conversation';

/** A customer's shop orders as a person in the workspace reads them. */
export interface OrderSummary {
  id: string;
  status: string;
  items: Array<{ name: string; options: string; price: number }>;
  total: number;
}

/** Orders only once the conversation proved who the customer is: a guessed account would show a stranger's orders. */
export type CustomerOrdersView = { verified: true; shopUserId: string; orders: OrderSummary[] } | { verified: false };

/**
 * The orders of the shop account the conversation proved it owns, by the same rule as the bot's order tools
 * (`verifiedShopAccount`): the account it proved with an order number, or the one a channel-verified phone number or
 * email address belongs to, unless the channel said the sender of the customer's latest message is not verified.
 * Reads the shop tables only.
 */
export class CustomerOrders {
  constructor(private readonly shop: ShopRepository) {}

  /** For the customer panel. */
  async of(conversation: Conversation, identities: CustomerIdentity[], messages: Message[] = []): Promise<CustomerOrdersView> {
    const verified = await this.verifiedOrders(conversation, identities, messages);
    return verified ? { verified: true, shopUserId: verified.shopUserId, orders: verified.orders.map(toSummary) } : { verified: false };
  }

  /** In full (status, shipments, tracking), as the bot's order tools show them: for the copilot's drafts. Null when nothing was proved. */
  async details(conversation: Conversation, identities: CustomerIdentity[], messages: Message[] = []): Promise<OrderDetails[] | null> {
    return (await this.verifiedOrders(conversation, identities, messages))?.orders.map(summariseOrder) ?? null;
  }

  private async verifiedOrders(conversation: Conversation, identities: CustomerIdentity[], messages: Message[]) {
    const latest = messages.filter((m) => m.author === 'customer').at(-1);
    const user = await verifiedShopAccount(this.shop, {
      verifiedShopUserId: conversation.verifiedShopUserId,
      verifiedIdentities: vouchedIdentities(identities, latest),
    });
    return user ? { shopUserId: user.user_id, orders: await this.shop.ordersOfUser(user.user_id) } : null;
  }
}

function toSummary(order: Order): OrderSummary {
  const items = order.items.map((item) => ({ name: item.name, options: Object.values(item.options).join(', '), price: item.price }));
  const cents = items.reduce((sum, item) => sum + Math.round(item.price * 100), 0);
  return { id: order.order_id, status: order.status, items, total: cents / 100 };
}
