import { join } from 'node:path';
import { ConsentVerdict } from '../../apps/agent/src/consent/consent-reply.classifier';
import { readJsonl, requireStringField } from './jsonl';

export const CONSENT_LABELS: ConsentVerdict[] = ['yes', 'no', 'unclear'];

/** The shipped labelled set: customers' replies to an action the agent proposed. */
export const CONSENT_REPLIES_PATH = join(__dirname, '..', 'data', 'consent-replies.jsonl');

/** The order every labelled reply answers a proposal about; a reply naming another order is not a yes to it. */
export const PROPOSED_ORDER_ID = '#W1234567';

/** The product's tool for each kind of proposal in the set; a kind with no tool here is read with no verb check. */
const TOOL_OF_PROPOSAL: Record<string, string> = {
  cancel: 'cancel_order',
  address: 'change_order_address',
  return: 'start_return',
  refund: 'start_return',
  exchange: 'exchange_delivered_order_items',
  replacement: 'exchange_delivered_order_items',
};

/** What the classifier is told about the proposal a labelled reply answers. */
export function proposalOf(kind: string): { tool: string; orderId: string } {
  return { tool: TOOL_OF_PROPOSAL[kind] ?? kind, orderId: PROPOSED_ORDER_ID };
}

/** One labelled reply to a proposal of the kind `proposal` (cancel, address, return…) about order #W1234567. */
export interface LabelledConsentReply {
  reply: string;
  label: ConsentVerdict;
  proposal: string;
  note?: string;
}

/** Reads a labelled consent-reply JSONL file; a bad line fails with the file and line number. */
export function readConsentReplies(filePath: string): LabelledConsentReply[] {
  return readJsonl(filePath, (value) => {
    const label = requireStringField(value, 'label');
    if (!CONSENT_LABELS.includes(label as ConsentVerdict)) throw new Error(`label "${label}" is not one of ${CONSENT_LABELS.join(', ')}`);
    const note = (value as { note?: unknown }).note;
    if (note !== undefined && typeof note !== 'string') throw new Error('"note" must be a string when present');
    return { reply: requireStringField(value, 'reply'), label: label as ConsentVerdict, proposal: requireStringField(value, 'proposal'), note };
  });
}
