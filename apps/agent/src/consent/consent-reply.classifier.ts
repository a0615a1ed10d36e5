import { ReadCue, readCues } from './consent-cue.reader';
import { ReplyClause, splitReplyIntoClauses } from './consent-reply.normaliser';
import { ProposalInReply } from './proposal-verbs';

export type ConsentVerdict = 'yes' | 'no' | 'unclear';

/** Anything that keeps a yes from being a yes to the action as proposed. */
const UNSETTLING = new Set<ReadCue>(['hedge', 'pause', 'sarcasm', 'question', 'condition']);
/** A yes-word or go-ahead that commits to the action. */
const COMMITTING = new Set<ReadCue>(['affirm', 'action']);
/** Past this many words the lexicon cannot place, a yes is more likely about something other than the proposal. */
const MAX_UNPLACED_WORDS = 6;
/** In an extra ask after a yes ("can you also email me?") these describe the extra, not the proposal. */
const ASKED_ON_TOP = new Set<ReadCue>(['affirm', 'action', 'question', 'elsewhere']);

/**
 * Reads a customer's reply to an action the agent proposed ("Shall I cancel order #W1234567?") as yes, no or
 * unclear. Only an unhedged, unconditional yes to the action as proposed is a yes: a negation anywhere, a hedge,
 * a question back, a condition or change, sarcasm, a closing or a yes to something else is not. A later refusal
 * beats an earlier yes; a later yes after a refusal is unclear. Given the proposal, a verb or order number that
 * names another change or order is not a yes to this one. Pure and synchronous; a few microseconds a reply.
 */
export function classifyConsentReply(reply: string, proposal?: ProposalInReply): ConsentVerdict {
  const cues: ReadCue[] = [];
  let committed = false;
  for (const clause of splitReplyIntoClauses(reply)) {
    const clausal = clauseCues(clause, committed, proposal);
    committed ||= clausal.some((cue) => COMMITTING.has(cue));
    cues.push(...clausal);
  }
  return verdictOf(cues);
}

/**
 * A question is unclear, except a polite request naming the action ("can you cancel it please?") and an extra ask
 * after a yes ("yes please, can you also confirm by email?"), whose own yes-words commit to nothing.
 */
function clauseCues(clause: ReplyClause, committedBefore: boolean, proposal: ProposalInReply | undefined): ReadCue[] {
  const cues = readCues(clause.words, proposal);
  if (cues.includes('refusal')) return cues;
  const isRequest = cues.find((cue) => cue !== 'neutral' && cue !== 'ack' && cue !== 'closing') === 'request';
  if (cues.includes('addOn') && (isRequest || clause.asked || cues.includes('question'))) {
    return committedBefore ? cues.filter((cue) => !ASKED_ON_TOP.has(cue)) : [...cues, 'question'];
  }
  if (isRequest && cues.includes('action') && !cues.includes('question')) return cues;
  if (clause.asked || isRequest) return [...cues, 'question'];
  return cues;
}

function verdictOf(cues: ReadCue[]): ConsentVerdict {
  const lastRefusal = cues.lastIndexOf('refusal');
  if (lastRefusal >= 0) {
    const reconsidered = cues.slice(lastRefusal + 1).some((cue) => COMMITTING.has(cue) || cue === 'hedge');
    return reconsidered ? 'unclear' : 'no';
  }
  if (cues.some((cue) => UNSETTLING.has(cue))) return 'unclear';
  if (cues.some((cue) => COMMITTING.has(cue))) {
    if (cues.includes('elsewhere') && !cues.includes('action')) return 'unclear';
    return cues.filter((cue) => cue === 'unknown').length > MAX_UNPLACED_WORDS ? 'unclear' : 'yes';
  }
  const onlyAcknowledged = cues.includes('ack') && cues.every((cue) => cue === 'ack' || cue === 'neutral');
  return onlyAcknowledged ? 'yes' : 'unclear';
}
