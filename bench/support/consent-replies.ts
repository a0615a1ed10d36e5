import { join } from 'node:path';
import { ConsentVerdict } from '../../apps/agent/src/consent/consent-reply.classifier';
import { readJsonl, requireStringField } from './jsonl';

export const CONSENT_LABELS: ConsentVerdict[] = ['yes', 'no', 'unclear'];

/** The shipped labelled set: customers' replies to an action the agent proposed. */
export const CONSENT_REPLIES_PATH = join(__dirname, '..', 'data', 'consent-replies.jsonl');

/** One labelled reply; `proposal` (cancel, address, return…) is context for a reader, not an input to the classifier. */
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
