import { Order, ShopRepository } from '@support/agent';
import { Conversation, CustomerIdentity } from '@support/conversation';

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
 * The shop account a conversation proved it owns (by the order tools' checks), or the one a channel-verified phone
 * number or email address belongs to, and that account's orders. Reads the shop tables only.
 */
export class CustomerOrders {
  constructor(private readonly shop: ShopRepository) {}

  async of(conversation: Conversation, identities: CustomerIdentity[]): Promise<CustomerOrdersView> {
    const shopUserId = conversation.verifiedShopUserId ?? (await this.accountOfVerifiedIdentity(identities));
    if (!shopUserId) return { verified: false };
    const orders = await this.shop.ordersOfUser(shopUserId);
    return { verified: true, shopUserId, orders: orders.map(toSummary) };
  }

  private async accountOfVerifiedIdentity(identities: CustomerIdentity[]): Promise<string | null> {
    for (const identity of identities.filter((i) => i.verified)) {
      const user =
        identity.kind === 'email'
          ? await this.shop.findUserByEmail(identity.address)
          : identity.kind === 'phone' || identity.kind === 'whatsapp'
            ? await this.shop.findUserByPhone(identity.address)
            : null;
      if (user) return user.user_id;
    }
    return null;
  }
}

function toSummary(order: Order): OrderSummary {
  const items = order.items.map((item) => ({ name: item.name, options: Object.values(item.options).join(', '), price: item.price }));
  const cents = items.reduce((sum, item) => sum + Math.round(item.price * 100), 0);
  return { id: order.order_id, status: order.status, items, total: cents / 100 };
}
