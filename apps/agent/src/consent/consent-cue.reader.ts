import { ConsentCue } from './consent-cue';
import { ENGLISH_CUES } from './english-consent.lexicon';
import { EUROPEAN_CUES } from './european-consent.lexicon';
import { orderNumberAgainstProposal, ProposalInReply, verbAgainstProposal } from './proposal-verbs';

/** A word the lexicon does not know; a yes padded with many of them is likely about something else. */
export type ReadCue = ConsentCue | 'unknown';

/** How many words after a negator it still negates: "don't go ahead", "never said yes", "not ok with me". */
const NEGATION_REACH = 3;
const NEGATABLE = new Set<ReadCue>(['affirm', 'action', 'ack']);
/** After one of these an action word is a noun ("I received the refund"), not a go-ahead. */
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'your', 'this', 'that', 'our', 'his', 'her']);
/** A date or a time ("the 5th", "at 3pm") reschedules the action. */
const DATE_OR_TIME = /^\d{1,2}(?:st|nd|rd|th|am|pm)$/;
/** An order or tracking number in a yes confirms a detail, unless the reply also says what to do with it. */
const IDENTIFIER = /^#?(?:[a-z]{1,3}\d{4,}|\d{6,})$/;
/** Quantities and prices say nothing about consent. */
const NUMBER_LIKE = /^#?[a-z]?\d[\da-z]*$/;

/** The lexicon as a word trie, so a phrase is found by walking the words, without joining them into strings. */
interface PhraseNode {
  cue?: ConsentCue;
  next: Map<string, PhraseNode>;
}

const LEXICON = buildLexicon();

/**
 * Reads a clause's words as cues, longest phrase first; a refusal turns the yes-words just after it into refusals.
 * With the proposal known, a change verb or an order number is read against it ("cancel that" to an address change).
 */
export function readCues(words: string[], proposal?: ProposalInReply): ReadCue[] {
  const cues: ReadCue[] = [];
  let negatedUntil = -1;
  for (let start = 0; start < words.length;) {
    const [phraseCue, length] = longestPhraseAt(words, start);
    const nounAfterDeterminer = phraseCue === 'action' && length === 1 && DETERMINERS.has(words[start - 1]);
    const cue = nounAfterDeterminer ? 'neutral' : length === 1 ? againstProposal(words[start], phraseCue, proposal) : phraseCue;
    const negated = start <= negatedUntil && NEGATABLE.has(cue);
    cues.push(negated ? 'refusal' : cue);
    if (cue === 'refusal') negatedUntil = start + length - 1 + NEGATION_REACH;
    start += length;
  }
  return cues;
}

function againstProposal(word: string, cue: ReadCue, proposal: ProposalInReply | undefined): ReadCue {
  if (cue === 'action') {
    const verb = verbAgainstProposal(word, proposal);
    return verb === 'calls_off' ? 'refusal' : verb === 'asks_otherwise' ? 'condition' : cue;
  }
  const order = orderNumberAgainstProposal(word, proposal);
  return order === 'same' ? 'neutral' : order === 'other' ? 'condition' : cue;
}

function longestPhraseAt(words: string[], start: number): [ReadCue, number] {
  let found: [ReadCue, number] | undefined;
  let node: PhraseNode | undefined = LEXICON;
  for (let end = start; end < words.length; end++) {
    node = node.next.get(words[end]);
    if (!node) break;
    if (node.cue) found = [node.cue, end - start + 1];
  }
  if (found) return found;
  const word = words[start];
  if (DATE_OR_TIME.test(word)) return ['condition', 1];
  if (IDENTIFIER.test(word)) return ['elsewhere', 1];
  return [NUMBER_LIKE.test(word) ? 'neutral' : 'unknown', 1];
}

function buildLexicon(): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  for (const cues of [ENGLISH_CUES, EUROPEAN_CUES]) {
    for (const [cue, phrases] of Object.entries(cues) as [ConsentCue, string[]][]) {
      for (const phrase of phrases) {
        let node = root;
        for (const word of phrase.split(' ')) {
          let child = node.next.get(word);
          if (!child) node.next.set(word, (child = { next: new Map() }));
          node = child;
        }
        node.cue = cue;
      }
    }
  }
  return root;
}

/** Phrases listed under two different cues; the lexicon spec keeps this empty. */
export function conflictingPhrases(): string[] {
  const seen = new Map<string, ConsentCue>();
  const conflicts: string[] = [];
  for (const cues of [ENGLISH_CUES, EUROPEAN_CUES]) {
    for (const [cue, phrases] of Object.entries(cues) as [ConsentCue, string[]][]) {
      for (const phrase of phrases) {
        const earlier = seen.get(phrase);
        if (earlier && earlier !== cue) conflicts.push(`${phrase}: ${earlier} and ${cue}`);
        seen.set(phrase, cue);
      }
    }
  }
  return conflicts;
}
