import { Order, OrderItem, PaymentMethod, ShopUser } from '../orders/shop.model';
import { ShopRepository } from '../orders/shop.repository';
import { ProposedAction } from './proposed-action';

/**
 * A proposed change in the words the customer is shown before they answer yes or no: the order, the
 * items by name, the address, where the money goes. Called only after the policy layer accepted the
 * change for this customer, so it never describes someone else's order.
 */
export class ShopActionDescriber {
  constructor(private readonly shop: ShopRepository) {}

  async describe(action: ProposedAction): Promise<string> {
    const args = action.arguments as Record<string, string & string[]>;
    const order = args.order_id ? await this.shop.findOrder(args.order_id) : null;
    const user = order ? await this.shop.findUser(order.user_id) : args.user_id ? await this.shop.findUser(args.user_id) : null;
    const orderName = `order ${args.order_id}`;
    const items = (ids: string[] = []) => itemNames(order, ids);
    const newItems = async (ids: string[] = []) => (order ? await this.variantNames(order, ids) : ids.join(', '));
    const paidWith = (id?: string) => paymentMethodName(user, id);
    switch (action.tool) {
      case 'cancel_order':
      case 'cancel_pending_order':
        return `cancel ${orderName}${order ? ` (${items(order.items.map((i) => i.item_id))})` : ''}, refunded to ${order ? paidWith(order.payment_history[0]?.payment_method_id) : 'the payment method used'}`;
      case 'change_order_address':
      case 'modify_pending_order_address':
        return `change the shipping address of ${orderName} to ${address(args)}`;
      case 'modify_user_address':
        return `change the address on your account to ${address(args)}`;
      case 'start_return':
      case 'return_delivered_order_items':
        return `start a return of ${items(args.item_ids)} from ${orderName}, refunded to ${paidWith(args.refund_to_payment_method_id ?? args.payment_method_id)}`;
      case 'exchange_delivered_order_items':
        return `exchange ${items(args.item_ids)} from ${orderName} for ${await newItems(args.new_item_ids)}, any price difference settled with ${paidWith(args.payment_method_id)}`;
      case 'modify_pending_order_items':
        return `change ${items(args.item_ids)} in ${orderName} to ${await newItems(args.new_item_ids)}, any price difference settled with ${paidWith(args.payment_method_id)}`;
      case 'modify_pending_order_payment':
        return `pay for ${orderName} with ${paidWith(args.payment_method_id)} instead`;
      default:
        return `${action.tool.replace(/_/g, ' ')} with ${JSON.stringify(action.arguments)}`;
    }
  }

  /** New items are variants of the products already in the order. */
  private async variantNames(order: Order, itemIds: string[]): Promise<string> {
    const names: string[] = [];
    for (const itemId of itemIds) {
      let found: string | null = null;
      for (const productId of new Set(order.items.map((i) => i.product_id))) {
        const product = await this.shop.findProduct(productId);
        const variant = product && Object.values(product.variants).find((v) => v.item_id === itemId);
        if (product && variant) found = itemName({ name: product.name, options: variant.options });
      }
      names.push(found ?? itemId);
    }
    return names.join(', ');
  }
}

function itemNames(order: Order | null, itemIds: string[]): string {
  return itemIds
    .map((id) => {
      const item = order?.items.find((i) => i.item_id === id);
      return item ? itemName(item) : id;
    })
    .join(', ');
}

function itemName(item: Pick<OrderItem, 'name' | 'options'>): string {
  const options = Object.entries(item.options ?? {}).map(([key, value]) => `${key} ${value}`);
  return options.length ? `${item.name} (${options.join(', ')})` : item.name;
}

function paymentMethodName(user: ShopUser | null, id?: string): string {
  const method: PaymentMethod | undefined = id ? user?.payment_methods[id] : undefined;
  if (!method) return 'the payment method used';
  if (method.source === 'credit_card') return `the ${method.brand ?? 'credit'} card ending ${method.last_four ?? '****'}`;
  if (method.source === 'gift_card') return 'your gift card';
  return 'your PayPal account';
}

function address(args: Record<string, string>): string {
  return [args.address1, args.address2, args.city, [args.state, args.zip].filter(Boolean).join(' '), args.country].filter(Boolean).join(', ');
}
