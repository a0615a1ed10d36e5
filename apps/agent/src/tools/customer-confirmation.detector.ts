import { Message } from '@support/conversation';

/**
 * Decides, from the conversation alone, whether the customer has just explicitly confirmed an action the
 * agent described: the agent's last message asked for confirmation, and the customer's answer says yes
 * without a no. The retail tools refuse every change unless this says so; the model cannot set it.
 */
/** What the bot said last in the conversation: the question a customer's "yes" answers. */
export function lastBotText(history: Message[]): string | null {
  return [...history].reverse().find((m) => m.author === 'bot')?.text ?? null;
}

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
