import { ToolCallRecord } from '@support/conversation';
import { PendingAction } from '../consent/proposed-action';
import { OrderSummary } from '../orders/order-summary';
import { ToolSet } from '../tools/tool-set';
import { formatAddress, NewAddress } from './embedded-address-change';

export interface ActionResult {
  done: boolean;
  text: string;
}

/**
 * Puts a change to the customer: the consent layer checks it against the shop's policy and makes it
 * this turn's proposal, which the reply then asks about in the product's words.
 */
export async function proposeChange(tools: ToolSet, tool: string, args: Record<string, unknown>, toolCalls: ToolCallRecord[]): Promise<boolean> {
  const execution = await tools.execute(tool, args);
  toolCalls.push(execution.record);
  return (execution.record.result as { code?: string })?.code === 'confirmation_required';
}

/** Carries out the change the customer just agreed to, exactly as it was proposed. */
export async function carryOut(tools: ToolSet, pending: PendingAction, toolCalls: ToolCallRecord[]): Promise<ActionResult> {
  const execution = await tools.execute(pending.tool, pending.arguments);
  toolCalls.push(execution.record);
  const orderId = String(pending.arguments.order_id ?? '');
  if (execution.record.isError) {
    const refusal = execution.record.result as { message?: string };
    return { done: false, text: `I couldn't make that change to order ${orderId}: ${refusal.message ?? 'the order tools refused'}` };
  }
  return { done: true, text: doneText(pending, (execution.record.result as { data?: OrderSummary })?.data) };
}

/** "No" to a proposed change: nothing happens, and the customer hears so. */
export function declinedText(pending: PendingAction): string {
  const orderId = pending.arguments.order_id;
  return `OK, I won't make that change${orderId ? `: order ${orderId} stays as it is` : ''}. Is there anything else I can help with?`;
}

export const UNCLEAR_ANSWER = 'I want to be sure before I change anything.';

function doneText(pending: PendingAction, order: OrderSummary | undefined): string {
  const args = pending.arguments;
  const orderId = String(args.order_id);
  switch (pending.tool) {
    case 'cancel_order':
      return `Done: order ${orderId} is cancelled. The amount you paid goes back to the payment method you used.`;
    case 'change_order_address':
      return `Done: order ${orderId} will now ship to ${formatAddress(args as unknown as NewAddress)}.`;
    case 'start_return': {
      const ids = (args.item_ids as string[]) ?? [];
      const names =
        order?.items
          .filter((i) => ids.includes(i.itemId))
          .map((i) => i.name)
          .join(', ') || 'the items';
      return `Done: the return of ${names} from order ${orderId} is started. Every return comes with a prepaid return label, and the refund goes to the payment method you used once the returned items pass inspection.`;
    }
    default:
      return `Done: ${pending.description}.`;
  }
}
