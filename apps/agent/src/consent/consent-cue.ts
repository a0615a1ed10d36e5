/** What a word or phrase in a reply says about consent to the action the agent proposed. */
export type ConsentCue =
  /** A yes-word: yes, sure, correct, 👍, sí, oui, ja. */
  | 'affirm'
  /** A go-ahead or the proposed verb itself: go ahead, do it, cancel it, procedi. */
  | 'action'
  /** An acknowledgement that is a yes only when it is the whole reply: ok, fine, please, vale. */
  | 'ack'
  /** A no-word or negator; it also negates the yes-words right after it ("don't go ahead", "never said yes"). */
  | 'refusal'
  /** Uncertainty: maybe, not sure, I guess, hmm, no sé. */
  | 'hedge'
  /** A pause before deciding: wait, hold on, one sec. */
  | 'pause'
  | 'sarcasm'
  /** A question opener: what, how, will I, is there. */
  | 'question'
  /** "can you", "could you": a question that is an instruction when it names the action. */
  | 'request'
  /** also, too, as well: marks a question as an extra ask on top of a yes. */
  | 'addOn'
  /** Something that defers, limits or changes the action: but, if, instead, tomorrow, to my. */
  | 'condition'
  /** A statement that answers some other question: I got the email, it arrived, that's me. */
  | 'elsewhere'
  /** Thanks, bye, got it: polite, but not consent. */
  | 'closing'
  /** Greetings, fillers, reasons and "no problem": carry no decision. */
  | 'neutral';
