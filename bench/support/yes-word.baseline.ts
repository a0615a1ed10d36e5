/**
 * The yes-word detector the product used before the consent classifier (up to December 2026), kept only as
 * the baseline `bench:consent` measures against: a yes-word anywhere, unless the reply starts with a no.
 */
export function customerConfirmed(lastAgentMessage: string | null, customerMessage: string): boolean {
  if (!lastAgentMessage || !ASKED.test(lastAgentMessage)) return false;
  const answer = customerMessage.toLowerCase().replace(/[’']/g, "'");
  if (REFUSED.test(answer)) return false;
  return AFFIRMED.test(answer);
}

const ASKED = /\?|\bconfirm|\byes\b|\bproceed\b/i;
const AFFIRMED =
  /\b(yes|yeah|yep|yup|confirm(ed|s)?|i confirm|go ahead|please do|proceed|correct|that's right|sounds good|absolutely|sure|ok(ay)?|do it|let's do (it|that))\b/;
const REFUSED = /^\s*(no|nope|nah|wait|hold on|stop)\b|\b(not yet|never mind|nevermind|(don't|do not) (do|proceed|go ahead))\b/;
