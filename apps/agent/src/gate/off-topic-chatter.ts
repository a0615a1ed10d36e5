import { RouteDecision } from '../router/intent-router';
import { SentimentLabel } from '../sentiment/sentiment';

/**
 * Words that make an out-of-scope question the shop's business (a loyalty scheme, store pickup, gift cards): the
 * help center may just not cover it, and a person should answer. Without any of them it is chatter.
 */
const SHOP_BUSINESS =
  /\b(order|orders|ship\w*|deliver\w*|parcel|package|track\w*|return\w*|refund\w*|exchange\w*|cancel\w*|account|password|log ?in|sign ?in|pay\w*|card|charge\w*|invoice|receipt|price\w*|discount|coupon|promo\w*|voucher|gift|warranty|guarantee|store|stores|shop|pick ?up|pickup|collect\w*|loyalty|points?|rewards?|member\w*|subscri\w*|product\w*|item\w*|size\w*|stock|buy\w*|bought|purchas\w*|sell\w*|sale|your (company|website|site|app|policy|policies|team|service|business))\b/i;

/** Reasons a gate hands off because the bot does not know; for chatter, not knowing is not a person's job. */
const DONT_KNOW = new Set(['no_answer', 'low_confidence', 'low_retrieval', 'uncited_policy', 'judge_rejected', 'repeated_question']);

/**
 * "What's the capital of France?": routed out of scope, about nothing the shop does, and not said in anger (an
 * angry "answer me!" is about whatever went wrong, and a person should see it).
 */
export function isOffTopicChatter(text: string, route: RouteDecision, mood: SentimentLabel): boolean {
  return route.route === 'out_of_scope' && mood !== 'negative' && !SHOP_BUSINESS.test(text);
}

/** A handoff the gate wants only because the bot cannot answer chatter: the bot says what it can do instead. */
export function isChatterHandoff(text: string, route: RouteDecision, mood: SentimentLabel, reason: string | null): boolean {
  return !!reason && DONT_KNOW.has(reason) && isOffTopicChatter(text, route, mood);
}

export const WHAT_I_CAN_HELP_WITH =
  "That's outside what I can help with here: I'm the shop's support assistant. I can help with your orders (where they are, changes and cancellations), returns and refunds, shipping, and your account. Is there anything like that I can do for you?";
