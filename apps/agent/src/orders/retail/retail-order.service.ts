import { normaliseOrderId } from '../order-tools.service';
import { Order, Product, ShopAddress, ShopUser } from '../shop.model';
import { ReturnWindow } from '../return-window';
import { ShopRepository } from '../shop.repository';
import { ShopTransaction } from '../shop-transaction';
import { refuse, RetailOutcome, succeed } from './retail-outcome';
import * as rules from './retail-order.rules';
import { RetailCallContext } from './retail-session';

const NOT_CONFIRMED =
  'Not done: the customer has not explicitly confirmed this action. List its details (order, items, amounts, payment method) and ask the customer to confirm with "yes"; call the tool again only after they do.';

/**
 * τ-bench's retail actions on the product's order store. Every call names the conversation's context:
 * account data only for the authenticated customer, changes only with the customer's explicit confirmation,
 * each change in one transaction with the order (and its owner) locked.
 */
export class RetailOrderService {
  /** `returnWindow`: the shop's own limit on returns and exchanges; none by default, as in τ-bench. */
  constructor(
    private readonly shop: ShopRepository,
    private readonly returnWindow?: ReturnWindow,
  ) {}

  async findUserIdByEmail(ctx: RetailCallContext, email: string): Promise<RetailOutcome<string>> {
    const user = await this.shop.findUserByEmail(email.trim());
    if (!user) return refuse('not_found', 'No customer has that email address.');
    return ctx.session.authenticate(user.user_id);
  }

  async findUserIdByNameZip(ctx: RetailCallContext, firstName: string, lastName: string, zip: string): Promise<RetailOutcome<string>> {
    const user = await this.shop.findUserByNameZip(firstName.trim(), lastName.trim(), zip.trim());
    if (!user) return refuse('not_found', 'No customer has that first name, last name and ZIP code.');
    return ctx.session.authenticate(user.user_id);
  }

  async getUserDetails(ctx: RetailCallContext, userId: string): Promise<RetailOutcome<ShopUser>> {
    const owner = this.ownAccount(ctx, userId);
    if (!owner.ok) return owner;
    const user = await this.shop.findUser(userId);
    return user ? succeed(user) : refuse('not_found', `No customer ${userId}.`);
  }

  async getOrderDetails(ctx: RetailCallContext, orderId: string): Promise<RetailOutcome<Order>> {
    const customer = this.customer(ctx);
    if (!customer.ok) return customer;
    const order = await this.shop.findOrder(normalise(orderId));
    return order && order.user_id === customer.data ? succeed(order) : orderNotFound(orderId);
  }

  async getProductDetails(productId: string): Promise<RetailOutcome<Product>> {
    const product = await this.shop.findProduct(productId.trim());
    return product ? succeed(product) : refuse('not_found', `No product ${productId}; product ids are not item ids.`);
  }

  /** Product names to product ids, sorted by name. */
  async listAllProductTypes(): Promise<RetailOutcome<Record<string, string>>> {
    const types = await this.shop.listProductTypes();
    types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return succeed(Object.fromEntries(types.map((t) => [t.name, t.product_id])));
  }

  cancelPendingOrder(ctx: RetailCallContext, orderId: string, reason: string): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order, user) => rules.cancelPendingOrder(order, user, reason));
  }

  modifyPendingOrderAddress(ctx: RetailCallContext, orderId: string, address: ShopAddress): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order) => rules.modifyPendingOrderAddress(order, address));
  }

  modifyPendingOrderPayment(ctx: RetailCallContext, orderId: string, paymentMethodId: string): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order, user) => rules.modifyPendingOrderPayment(order, user, paymentMethodId));
  }

  modifyPendingOrderItems(
    ctx: RetailCallContext,
    orderId: string,
    itemIds: string[],
    newItemIds: string[],
    paymentMethodId: string,
  ): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order, user, catalogue) =>
      rules.modifyPendingOrderItems(order, user, catalogue, itemIds, newItemIds, paymentMethodId),
    );
  }

  returnDeliveredOrderItems(ctx: RetailCallContext, orderId: string, itemIds: string[], paymentMethodId: string): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order, user) => rules.returnDeliveredOrderItems(order, user, itemIds, paymentMethodId, this.returnWindow));
  }

  exchangeDeliveredOrderItems(
    ctx: RetailCallContext,
    orderId: string,
    itemIds: string[],
    newItemIds: string[],
    paymentMethodId: string,
  ): Promise<RetailOutcome<Order>> {
    return this.changeOrder(ctx, orderId, (order, user, catalogue) =>
      rules.exchangeDeliveredOrderItems(order, user, catalogue, itemIds, newItemIds, paymentMethodId, this.returnWindow),
    );
  }

  async modifyUserAddress(ctx: RetailCallContext, userId: string, address: ShopAddress): Promise<RetailOutcome<ShopUser>> {
    const owner = this.ownAccount(ctx, userId);
    if (!owner.ok) return owner;
    return this.shop.transaction(async (tx) => {
      const user = await tx.userForUpdate(userId);
      if (!user) return refuse('not_found', `No customer ${userId}.`);
      if (!ctx.confirmed) return refuse('confirmation_required', NOT_CONFIRMED);
      const changed = rules.modifyUserAddress(user, address);
      await tx.saveUser(changed);
      return succeed(changed);
    });
  }

  /** Loads the customer's order and its owner locked, decides by the policy, and writes only a confirmed change. */
  private async changeOrder(
    ctx: RetailCallContext,
    orderId: string,
    decide: (order: Order, user: ShopUser, catalogue: Map<string, Product>) => RetailOutcome<rules.OrderChange>,
  ): Promise<RetailOutcome<Order>> {
    const customer = this.customer(ctx);
    if (!customer.ok) return customer;
    return this.shop.transaction(async (tx) => {
      const order = await tx.orderForUpdate(normalise(orderId));
      if (!order || order.user_id !== customer.data) return orderNotFound(orderId);
      const user = await tx.userForUpdate(order.user_id);
      if (!user) return orderNotFound(orderId);
      const change = decide(order, user, await catalogueOf(tx, order));
      if (!change.ok) return change;
      if (!ctx.confirmed) return refuse('confirmation_required', NOT_CONFIRMED);
      await tx.saveOrder(change.data.order);
      if (change.data.user) await tx.saveUser(change.data.user);
      return succeed(change.data.order);
    });
  }

  private customer(ctx: RetailCallContext): RetailOutcome<string> {
    const userId = ctx.session.authenticatedUserId;
    return userId
      ? succeed(userId)
      : refuse('not_authenticated', 'The customer is not authenticated yet: find their user id by email, or by first name, last name and ZIP code, first.');
  }

  private ownAccount(ctx: RetailCallContext, userId: string): RetailOutcome<string> {
    const customer = this.customer(ctx);
    if (!customer.ok || customer.data === userId.trim()) return customer;
    return refuse('other_customer', 'That is not the authenticated customer; only the authenticated customer can be helped in this conversation.');
  }
}

/** The products of the order's items: the only variants its items may change to. */
async function catalogueOf(tx: ShopTransaction, order: Order): Promise<Map<string, Product>> {
  const catalogue = new Map<string, Product>();
  for (const productId of new Set(order.items.map((i) => i.product_id))) {
    const product = await tx.product(productId);
    if (product) catalogue.set(productId, product);
  }
  return catalogue;
}

function normalise(orderId: string): string {
  return normaliseOrderId(orderId) ?? orderId.trim();
}

function orderNotFound(orderId: string) {
  return refuse('not_found', `No order ${orderId} for the authenticated customer. Order ids look like #W0000000.`);
}
