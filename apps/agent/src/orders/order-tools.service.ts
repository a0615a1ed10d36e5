import { OrderSummary, summariseOrder } from './order-summary';
import { OrderAccessContext, OrderLookup, OrderToolSession, OrderTools, ToolOutcome } from './order-tools';
import { ShopRepository } from './shop.repository';
import { ShopUser } from './shop.model';
import { verifiedShopAccount } from '../verification/verified-account';
import { VerificationLockout } from '../verification/verification-lockout';

const ORDER_ID = /^#?W\d{7}$/i;

const NEEDS_PROOF = 'To protect your account, please give the email address or the ZIP code the order was placed with.';
const NO_MATCH = 'No order with that number matches those details. Please check the order number and the email or ZIP code.';
const notGiven = (what: string) =>
  `Refused: the ${what} was not given by the customer in this conversation. Only an order number, email address or ZIP code the customer wrote themselves proves who they are: ask them for it, never fill it in.`;
const locked = (minutes: number) =>
  `For the customer's security, order details cannot be checked right now: too many order numbers, emails or ZIP codes did not match. Tell the customer they can try again in about ${waitInWords(minutes)}, or offer to pass them to a member of the team.`;
const waitInWords = (minutes: number) => (minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`);

export class OrderToolsService extends OrderTools {
  constructor(
    private readonly shop: ShopRepository,
    private readonly lockout: VerificationLockout,
  ) {
    super();
  }

  forConversation(context: OrderAccessContext): OrderToolSession {
    return new ConversationOrderTools(this.shop, this.lockout, context);
  }
}

class ConversationOrderTools implements OrderToolSession {
  private verifiedUser?: Promise<ShopUser | null>;

  constructor(
    private readonly shop: ShopRepository,
    private readonly lockout: VerificationLockout,
    private readonly context: OrderAccessContext,
  ) {}

  async lookupOrder(lookup: OrderLookup): Promise<ToolOutcome<OrderSummary>> {
    const orderId = normaliseOrderId(lookup.orderId);
    if (!orderId) return { ok: false, code: 'invalid_argument', message: `"${lookup.orderId}" is not an order number; they look like #W1234567.` };
    const owner = await this.verifiedAccount();
    const order = await this.shop.findOrder(orderId);
    if (owner) {
      // One customer per conversation: a verified customer never sees someone else's order.
      return order?.user_id === owner.user_id ? { ok: true, data: summariseOrder(order) } : { ok: false, code: 'not_found', message: NO_MATCH };
    }
    if (!lookup.email && !lookup.zip) return { ok: false, code: 'needs_verification', message: NEEDS_PROOF };
    const unwritten = this.notWrittenByCustomer(orderId, lookup);
    if (unwritten) return { ok: false, code: 'not_given_by_customer', message: notGiven(unwritten) };
    // Counted against the order too: guesses spread over conversations, identities and addresses add up.
    const attempt = await this.lockout.begin([...this.context.proofScopes, `order:${orderId}`]);
    if ('lockedForMinutes' in attempt) return { ok: false, code: 'verification_locked', message: locked(attempt.lockedForMinutes) };
    const user = order ? await this.shop.findUser(order.user_id) : null;
    if (!order || !user || !provesOwnership(user, order.address.zip, lookup)) {
      await attempt.failed();
      return { ok: false, code: 'not_found', message: NO_MATCH };
    }
    await attempt.succeeded();
    await this.context.rememberVerified(user.user_id);
    this.verifiedUser = Promise.resolve(user);
    return { ok: true, data: summariseOrder(order) };
  }

  /** The proof value the customer never wrote, if any: a model that guesses or is told one proves nothing. */
  private notWrittenByCustomer(orderId: string, lookup: OrderLookup): string | null {
    const words = this.context.customerWords;
    if (!words.wroteOrderId(orderId)) return 'order number';
    if (lookup.email && !words.wroteEmail(lookup.email)) return 'email address';
    if (lookup.zip && !words.wroteZip(lookup.zip)) return 'ZIP code';
    return null;
  }

  async listOrders(): Promise<ToolOutcome<OrderSummary[]>> {
    const owner = await this.verifiedAccount();
    if (!owner) return { ok: false, code: 'needs_verification', message: `${NEEDS_PROOF} An order number helps too.` };
    return { ok: true, data: (await this.shop.ordersOfUser(owner.user_id)).map(summariseOrder) };
  }

  async verifiedCustomerId(): Promise<string | null> {
    return (await this.verifiedAccount())?.user_id ?? null;
  }

  private verifiedAccount(): Promise<ShopUser | null> {
    this.verifiedUser ??= verifiedShopAccount(this.shop, this.context);
    return this.verifiedUser;
  }
}

export function normaliseOrderId(raw: string): string | null {
  const compact = String(raw ?? '')
    .trim()
    .replace(/\s+/g, '');
  return ORDER_ID.test(compact) ? `#W${compact.replace(/^#?W/i, '')}` : null;
}

function provesOwnership(user: ShopUser, orderZip: string, lookup: OrderLookup): boolean {
  const emailMatches = !!lookup.email && lookup.email.trim().toLowerCase() === user.email.toLowerCase();
  const zip = lookup.zip?.trim().slice(0, 5);
  const zipMatches = !!zip && (zip === orderZip || zip === user.address.zip);
  return emailMatches || zipMatches;
}
