import { z } from 'zod';
import { refuse, RetailOutcome, succeed } from '../orders/retail/retail-outcome';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { RetailCallContext } from '../orders/retail/retail-session';
import { calculate } from './arithmetic.calculator';
import { RETAIL_TOOL_DEFINITIONS } from './retail-tool.definitions';
import { runToolCall, ToolExecution, ToolSet } from './tool-set';

const text = z.string();
const ids = z.array(z.string()).readonly();
const address = { address1: text, address2: text, city: text, state: text, country: text, zip: text };
const order = { order_id: text };

/** Each tool's arguments, checked before anything runs; a bad call is answered with what was wrong. */
const ARGUMENTS = {
  calculate: z.object({ expression: text }),
  think: z.object({ thought: text }),
  transfer_to_human_agents: z.object({ summary: text }),
  find_user_id_by_email: z.object({ email: text }),
  find_user_id_by_name_zip: z.object({ first_name: text, last_name: text, zip: text }),
  get_user_details: z.object({ user_id: text }),
  get_order_details: z.object(order),
  get_product_details: z.object({ product_id: text }),
  list_all_product_types: z.object({}),
  cancel_pending_order: z.object({ ...order, reason: text }),
  modify_pending_order_address: z.object({ ...order, ...address }),
  modify_pending_order_payment: z.object({ ...order, payment_method_id: text }),
  modify_pending_order_items: z.object({ ...order, item_ids: ids, new_item_ids: ids, payment_method_id: text }),
  modify_user_address: z.object({ user_id: text, ...address }),
  return_delivered_order_items: z.object({ ...order, item_ids: ids, payment_method_id: text }),
  exchange_delivered_order_items: z.object({ ...order, item_ids: ids, new_item_ids: ids, payment_method_id: text }),
} as const;

/** τ-bench's tools that change an order or an account: each goes through the customer's consent. */
export const RETAIL_WRITE_TOOLS: ReadonlySet<string> = new Set([
  'cancel_pending_order',
  'modify_pending_order_address',
  'modify_pending_order_payment',
  'modify_pending_order_items',
  'modify_user_address',
  'return_delivered_order_items',
  'exchange_delivered_order_items',
]);

type ToolName = keyof typeof ARGUMENTS;
type Args<N extends ToolName> = z.infer<(typeof ARGUMENTS)[N]>;

/**
 * τ-bench's retail tools for one conversation turn, over the product's order store. The conversation's
 * context (who was authenticated, whether the customer just confirmed) is fixed when the set is made;
 * the model's arguments never widen it.
 */
export class RetailToolSet implements ToolSet {
  readonly definitions = RETAIL_TOOL_DEFINITIONS;

  constructor(
    private readonly retail: RetailOrderService,
    private readonly context: RetailCallContext,
  ) {}

  async execute(name: string, input: unknown): Promise<ToolExecution> {
    const { outcome, record, content } = await runToolCall(name, input, (args) => this.run(name, args), asContent);
    return { record, content, handoffRequested: name === 'transfer_to_human_agents' && outcome.ok };
  }

  private async run(name: string, input: Record<string, unknown>): Promise<RetailOutcome<unknown>> {
    if (!(name in ARGUMENTS)) return refuse('invalid_argument', `There is no tool called ${name}.`);
    const parsed = ARGUMENTS[name as ToolName].safeParse(input);
    if (!parsed.success) {
      return refuse(
        'invalid_argument',
        `Bad arguments for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')}`,
      );
    }
    return this.dispatch(name as ToolName, parsed.data);
  }

  private dispatch(name: ToolName, args: unknown): Promise<RetailOutcome<unknown>> | RetailOutcome<unknown> {
    const ctx = this.context;
    const retail = this.retail;
    switch (name) {
      case 'calculate': {
        const result = calculate((args as Args<'calculate'>).expression);
        return result.ok ? succeed(result.value) : refuse('invalid_argument', result.message);
      }
      case 'think':
        // τ-bench answers an empty string; the Messages API wants a non-empty tool result.
        return succeed('Thought noted.');
      case 'transfer_to_human_agents':
        return succeed('Transfer successful');
      case 'find_user_id_by_email':
        return retail.findUserIdByEmail(ctx, (args as Args<'find_user_id_by_email'>).email);
      case 'find_user_id_by_name_zip': {
        const { first_name, last_name, zip } = args as Args<'find_user_id_by_name_zip'>;
        return retail.findUserIdByNameZip(ctx, first_name, last_name, zip);
      }
      case 'get_user_details':
        return retail.getUserDetails(ctx, (args as Args<'get_user_details'>).user_id);
      case 'get_order_details':
        return retail.getOrderDetails(ctx, (args as Args<'get_order_details'>).order_id);
      case 'get_product_details':
        return retail.getProductDetails((args as Args<'get_product_details'>).product_id);
      case 'list_all_product_types':
        return retail.listAllProductTypes();
      case 'cancel_pending_order': {
        const { order_id, reason } = args as Args<'cancel_pending_order'>;
        return retail.cancelPendingOrder(ctx, order_id, reason);
      }
      case 'modify_pending_order_address': {
        const { order_id, ...newAddress } = args as Args<'modify_pending_order_address'>;
        return retail.modifyPendingOrderAddress(ctx, order_id, toAddress(newAddress));
      }
      case 'modify_pending_order_payment': {
        const { order_id, payment_method_id } = args as Args<'modify_pending_order_payment'>;
        return retail.modifyPendingOrderPayment(ctx, order_id, payment_method_id);
      }
      case 'modify_pending_order_items': {
        const { order_id, item_ids, new_item_ids, payment_method_id } = args as Args<'modify_pending_order_items'>;
        return retail.modifyPendingOrderItems(ctx, order_id, [...item_ids], [...new_item_ids], payment_method_id);
      }
      case 'modify_user_address': {
        const { user_id, ...newAddress } = args as Args<'modify_user_address'>;
        return retail.modifyUserAddress(ctx, user_id, toAddress(newAddress));
      }
      case 'return_delivered_order_items': {
        const { order_id, item_ids, payment_method_id } = args as Args<'return_delivered_order_items'>;
        return retail.returnDeliveredOrderItems(ctx, order_id, [...item_ids], payment_method_id);
      }
      case 'exchange_delivered_order_items': {
        const { order_id, item_ids, new_item_ids, payment_method_id } = args as Args<'exchange_delivered_order_items'>;
        return retail.exchangeDeliveredOrderItems(ctx, order_id, [...item_ids], [...new_item_ids], payment_method_id);
      }
    }
  }
}

/** τ-bench's key order for an address, whatever order the model sent. */
function toAddress(a: { address1: string; address2: string; city: string; state: string; country: string; zip: string }) {
  return { address1: a.address1, address2: a.address2, city: a.city, country: a.country, state: a.state, zip: a.zip };
}

/** Strings go to the model as they are (a user id, a calculation); records as JSON. */
function asContent(data: unknown): string {
  return typeof data === 'string' ? data : JSON.stringify(data);
}
