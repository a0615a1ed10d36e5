import { normaliseOrderId } from '../orders/order-tools.service';

/** A change to a customer's orders or account, as a write tool would make it: the tool and its arguments, normalised. */
export interface ProposedAction {
  tool: string;
  arguments: Record<string, unknown>;
}

/** A proposal the customer was shown, in words, in the bot's message. */
export interface PendingAction extends ProposedAction {
  description: string;
}

/** The same change however the model spells it: trimmed text, `#W…` order numbers, keys in order. */
export function proposedAction(tool: string, input: unknown): ProposedAction {
  const args = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const normalised = Object.keys(args)
    .sort()
    .map((key) => [key, normaliseValue(key, args[key])] as const);
  return { tool, arguments: Object.fromEntries(normalised) };
}

/** Exactly the change proposed: same tool, same order, items, address, payment method and reason. */
export function sameAction(a: ProposedAction, b: ProposedAction): boolean {
  return a.tool === b.tool && JSON.stringify(a.arguments) === JSON.stringify(b.arguments);
}

function normaliseValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim().replace(/\s+/g, ' ');
    return key === 'order_id' ? (normaliseOrderId(text) ?? text) : text;
  }
  if (Array.isArray(value)) return value.map((v) => normaliseValue('', v));
  return value ?? null;
}
