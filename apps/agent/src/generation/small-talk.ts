const SMALL_TALK = /^\s*(hi|hello|hey|good (morning|afternoon|evening)|thanks?( you)?( so much)?|thank you[^?]*|ok(ay)?|great|cheers|bye|goodbye)[\s!.,]*$/i;

/** Greetings and thanks: no question to ground, nothing to hand off. */
export function isSmallTalk(text: string): boolean {
  return SMALL_TALK.test(text);
}
