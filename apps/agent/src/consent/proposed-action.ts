import { normaliseOrderId } from '../orders/order-tools.service';
import { ProposalInReply } from './proposal-verbs';

/** A change to a customer's orders or account, as a write tool would make it: the tool and its arguments, normalised. */
export interface ProposedAction {
  tool: string;
  arguments: Record<string, unknown>;
}

/** A proposal the customer was shown, in words, in the bot's message. */
export interface PendingAction extends ProposedAction {
  description: string;
}

/** The same change however the model spells it: trimmed text, `#W…` order numbers. */
export function proposedAction(tool: string, input: unknown): ProposedAction {
  const args = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  return { tool, arguments: Object.fromEntries(Object.entries(args).map(([key, value]) => [key, normaliseValue(key, value)])) };
}

/** What a customer's reply is read against: the proposal's tool and order. */
export function proposalInReply(action: ProposedAction): ProposalInReply {
  const orderId = action.arguments.order_id;
  return { tool: action.tool, ...(typeof orderId === 'string' ? { orderId } : {}) };
}

/** Exactly the change proposed: same tool, same order, items, address, payment method and reason. */
export function sameAction(a: ProposedAction, b: ProposedAction): boolean {
  return a.tool === b.tool && canonicalJson(a.arguments) === canonicalJson(b.arguments);
}

/** JSON with every object's keys sorted: a stored proposal (jsonb reorders keys) compares equal to a fresh call. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function normaliseValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim().replace(/\s+/g, ' ');
    return key === 'order_id' ? (normaliseOrderId(text) ?? text) : text;
  }
  if (Array.isArray(value)) return value.map((v) => normaliseValue('', v));
  return value ?? null;
}
