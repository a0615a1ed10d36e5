import type Anthropic from '@anthropic-ai/sdk';
import { ToolOutcome } from '../orders/order-tools';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { RetailOutcome } from '../orders/retail/retail-outcome';
import { RetailSession } from '../orders/retail/retail-session';
import { Order } from '../orders/shop.model';
import { summariseOrder } from '../orders/order-summary';

const PROPOSE_THEN_CONFIRM =
  'The first call does not change anything: it puts exactly this change to the customer, who is asked to confirm it. Call again with the same details only after the customer said yes to it.';

/** Changes to a verified customer's orders. Each runs only after the customer said yes to exactly that change, proposed in the reply before. */
export const ORDER_ACTION_DEFINITIONS: Anthropic.Tool[] = [
  {
    name: 'cancel_order',
    description: `Cancel a pending order of the verified customer, refunded to the payment method used. ${PROPOSE_THEN_CONFIRM}`,
    input_schema: {
      type: 'object',
      properties: { order_id: { type: 'string' }, reason: { type: 'string', enum: ['no longer needed', 'ordered by mistake'] } },
      required: ['order_id', 'reason'],
    },
  },
  {
    name: 'change_order_address',
    description: `Change the shipping address of a pending order of the verified customer. ${PROPOSE_THEN_CONFIRM}`,
    input_schema: {
      type: 'object',
      properties: {
        order_id: { type: 'string' },
        address1: { type: 'string' },
        address2: { type: 'string' },
        city: { type: 'string' },
        state: { type: 'string' },
        zip: { type: 'string' },
        country: { type: 'string' },
      },
      required: ['order_id', 'address1', 'city', 'state', 'zip', 'country'],
    },
  },
  {
    name: 'start_return',
    description: `Start a return of delivered items of the verified customer's order, refunded to the order's original payment method or a gift card of the customer (ids from lookup_order). ${PROPOSE_THEN_CONFIRM}`,
    input_schema: {
      type: 'object',
      properties: {
        order_id: { type: 'string' },
        item_ids: { type: 'array', items: { type: 'string' } },
        refund_to_payment_method_id: { type: 'string' },
      },
      required: ['order_id', 'item_ids', 'refund_to_payment_method_id'],
    },
  },
];

/** The support tools that change something: each goes through the customer's consent. */
export const ORDER_WRITE_TOOLS: ReadonlySet<string> = new Set(ORDER_ACTION_DEFINITIONS.map((d) => d.name));

/** The order actions of one conversation, through the retail tool layer that enforces the policy. */
export class OrderActions {
  constructor(
    private readonly service: RetailOrderService,
    private readonly verifiedCustomerId: () => Promise<string | null>,
    private readonly customerConfirmed: boolean,
  ) {}

  handles(name: string): boolean {
    return ORDER_ACTION_DEFINITIONS.some((d) => d.name === name);
  }

  async run(name: string, args: Record<string, unknown>): Promise<ToolOutcome<unknown>> {
    const customerId = await this.verifiedCustomerId();
    if (!customerId) {
      return {
        ok: false,
        code: 'needs_verification',
        message: 'Ask for the order number and the email address or ZIP code on the order, and look the order up first.',
      };
    }
    const ctx = { session: new RetailSession({ authenticatedUserId: customerId }), confirmed: this.customerConfirmed };
    const orderId = String(args.order_id ?? '');
    switch (name) {
      case 'cancel_order':
        return toToolOutcome(await this.service.cancelPendingOrder(ctx, orderId, String(args.reason ?? '')));
      case 'change_order_address':
        return toToolOutcome(
          await this.service.modifyPendingOrderAddress(ctx, orderId, {
            address1: String(args.address1 ?? ''),
            address2: String(args.address2 ?? ''),
            city: String(args.city ?? ''),
            state: String(args.state ?? ''),
            zip: String(args.zip ?? ''),
            country: String(args.country ?? ''),
          }),
        );
      case 'start_return':
        return toToolOutcome(
          await this.service.returnDeliveredOrderItems(
            ctx,
            orderId,
            Array.isArray(args.item_ids) ? args.item_ids.map(String) : [],
            String(args.refund_to_payment_method_id ?? ''),
          ),
        );
      default:
        return { ok: false, code: 'invalid_argument', message: `There is no tool called ${name}.` };
    }
  }
}

function toToolOutcome(outcome: RetailOutcome<Order>): ToolOutcome<unknown> {
  if (outcome.ok) return { ok: true, data: summariseOrder(outcome.data) };
  const codes = {
    not_found: 'not_found',
    other_customer: 'not_found',
    not_authenticated: 'needs_verification',
    confirmation_required: 'confirmation_required',
    invalid_argument: 'invalid_argument',
    invalid_state: 'refused',
    insufficient_balance: 'refused',
  } as const;
  return { ok: false, code: codes[outcome.code], message: outcome.message };
}
