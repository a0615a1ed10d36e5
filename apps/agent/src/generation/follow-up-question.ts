import { Message } from '@support/conversation';

/** A short message that points back ("Is it ever free?", "And that one?", "What about PayPal?"). */
const POINTS_BACK = /\b(it|that|this|they|them|those|these|there|one)\b|^(and|but|what about|how about)\b/i;
const MAX_FOLLOW_UP_WORDS = 6;

/**
 * The customer's previous message when this one only makes sense after it: short, and pointing back to
 * something said before. Null otherwise.
 */
export function earlierQuestion(text: string, history: Message[]): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > MAX_FOLLOW_UP_WORDS || !POINTS_BACK.test(text.trim())) return null;
  return [...history].reverse().find((m) => m.author === 'customer' && m.text.trim())?.text ?? null;
}
