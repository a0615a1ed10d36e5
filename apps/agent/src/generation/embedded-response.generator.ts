import { NO_USAGE, ToolCallRecord } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { ToolOutcome } from '../orders/order-tools';
import { Route } from '../router/intent-router';
import { CustomerDetails, extractCustomerDetails } from './customer-details.extractor';
import { describeOrder } from './order-status.phrasing';
import { composeAnswerFromPassages } from './passage-answer.composer';
import { answerCoversQuestion } from './answer-coverage';
import { askToCancel, wantsCancellation } from './embedded-cancellation';
import { carryOut, declinedText, proposeChange, UNCLEAR_ANSWER } from './embedded-consent';
import { isSmallTalk } from './small-talk';
import { askToChangeAddress, parseAddress, wantsAddressChange } from './embedded-address-change';
import { askToReturn, itemsAskedAbout, wantsReturn, withinReturnWindow } from './embedded-return';
import { earlierQuestion } from './follow-up-question';
import { orderRuleQuestion } from './order-rule.question';
import { OrderSummary } from '../orders/order-summary';
import { Generation, GenerationRequest, ResponseGenerator } from './response-generator';

const ORDER_ROUTES: ReadonlySet<Route> = new Set(['order_status', 'order_change']);
/** Routes where a short follow-up is still about the order the conversation is about. */
const ORDER_PROBLEM_ROUTES: ReadonlySet<Route> = new Set(['return_refund', 'complaint']);

const DEFAULT_RETURN_WINDOW_DAYS = 30;

const ASK_FOR_ORDER = 'I can help with that. What is your order number (it looks like #W1234567), and the email address or ZIP code the order was placed with?';

const outsideReturnWindow = (days: number) =>
  `It was delivered more than ${days} days ago, so it is outside the return window and I can’t start a return for it.`;

const HEAR_COMPLAINT =
  "I'm sorry about this; that's not the experience we want you to have. Tell me what went wrong and, if it's about an order, its order number (it looks like #W1234567) with the email address or ZIP code on it, and I'll look into it right away.";

/**
 * The engine that works with no model at all: answers order questions through the order tools
 * and questions from the best help-center passage, word for word. Anything else it hands on.
 */
export class EmbeddedResponseGenerator extends ResponseGenerator {
  /** `returnWindowDays`: the shop's return window (0 = none), as the order tools apply it. */
  constructor(private readonly options: { minPassageScore: number; returnWindowDays?: number; now?: () => Date }) {
    super();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private returnWindow() {
    return { days: this.options.returnWindowDays ?? DEFAULT_RETURN_WINDOW_DAYS, now: () => this.now() };
  }

  async generate(request: GenerationRequest): Promise<Generation> {
    const generation = await this.answer(request);
    if (generation.text) request.onDelta(generation.text);
    return generation;
  }

  private async answer(request: GenerationRequest): Promise<Generation> {
    if (isSmallTalk(request.text)) {
      const thanked = /\b(thank|thanks|thx|ty|appreciate)/i.test(request.text);
      const opening = thanked ? 'You are welcome!' : 'Hi!';
      return reply(`${opening} Is there anything ${thanked ? 'else ' : ''}I can help with: an order, a return, shipping or your account?`, 0.9);
    }
    const pending = request.consent?.pending;
    if (pending) {
      const toolCalls: ToolCallRecord[] = [];
      if (request.consent!.verdict === 'no') return reply(declinedText(pending), 0.9);
      if (request.consent!.verdict === 'unclear') {
        // Not a clear yes or no: nothing changes, and the same change is put to the customer again.
        await proposeChange(request.tools, pending.tool, pending.arguments, toolCalls);
        return reply(UNCLEAR_ANSWER, 0.9, toolCalls);
      }
      const action = await carryOut(request.tools, pending, toolCalls);
      return action.done ? reply(action.text, 0.95, toolCalls) : { ...reply(action.text, 0.5, toolCalls), handoffReason: 'action_needs_person' };
    }
    const details = extractCustomerDetails(request.text, request.history);
    if (ORDER_ROUTES.has(request.route.route) || isAboutAnOrder(request, details)) return this.answerAboutOrder(request, details);
    return this.answerFromHelpCenter(request);
  }

  private async answerAboutOrder(request: GenerationRequest, details: CustomerDetails): Promise<Generation> {
    const toolCalls: ToolCallRecord[] = [];
    // "Which orders do I have?" asks for all of them, even after one was named earlier.
    const asksForAll = /\b(orders|all (of )?my (orders|purchases))\b/i.test(request.text) && !extractCustomerDetails(request.text).orderIds.length;
    const orderId = asksForAll ? undefined : details.orderIds[0];
    if (!orderId) {
      // "I can help with that" promises a change the shop makes; one the help center never mentions it doesn't.
      if (request.route.route === 'order_change' && !(await this.helpCenterAnswer(request))) return unanswered(request);
      const listed = await record(toolCalls, 'list_orders', {}, () => request.orders.listOrders());
      if (!listed.ok) return reply(ASK_FOR_ORDER, 0.9, toolCalls);
      if (!listed.data.length)
        return reply("I couldn't find any orders on your account. If you ordered with another email address, please tell me the order number.", 0.8, toolCalls);
      return reply(listed.data.map(describeOrder).join('\n\n'), 0.9, toolCalls);
    }
    const email = details.emails[0] ?? request.customer.email ?? undefined;
    const zip = details.zips[0];
    const args = { orderId, ...(email ? { email } : {}), ...(zip ? { zip } : {}) };
    const found = await record(toolCalls, 'lookup_order', args, () => request.orders.lookupOrder(args));
    if (!found.ok) return reply(found.code === 'needs_verification' ? `I can look up ${orderId} for you. ${found.message}` : found.message, 0.9, toolCalls);
    const rule = await this.ruleThatApplies(request, found.data);
    // The rule goes before what a proposed change means; the product's question about it closes the reply.
    const withRule = (generation: Generation, closing?: string): Generation => {
      const text = [generation.text, rule?.text, closing].filter(Boolean).join('\n\n');
      return rule ? { ...generation, text, citedPassageIds: rule.passageIds, policyIds: rule.policyIds } : { ...generation, text };
    };
    const order = found.data;
    const propose = (tool: string, args: Record<string, unknown>) => proposeChange(request.tools, tool, args, toolCalls);
    if (request.route.route === 'order_change' && wantsCancellation(request.text)) {
      const { statement, canCancel } = askToCancel(order);
      return canCancel && (await propose('cancel_order', { order_id: order.orderId, reason: 'no longer needed' }))
        ? withRule(reply(statement, 0.9, toolCalls))
        : withRule({ ...reply(statement, 0.5, toolCalls), handoffReason: 'action_needs_person' });
    }
    const address = parseAddress(request.text);
    if (request.route.route === 'order_change' && order.status === 'pending' && address && wantsAddressChange(request.text)) {
      if (await propose('change_order_address', { order_id: order.orderId, ...address })) {
        return withRule(reply(describeOrder(order), 0.9, toolCalls), askToChangeAddress(order));
      }
    }
    const status = describeOrder(order);
    if (request.route.route === 'return_refund' && wantsReturn(request.text) && order.status === 'delivered') {
      const window = this.returnWindow();
      const items = itemsAskedAbout(order, request.text);
      const returnable = !window.days || withinReturnWindow(order, window);
      if (
        returnable &&
        (await propose('start_return', { order_id: order.orderId, item_ids: items.map((i) => i.itemId), refund_to_payment_method_id: order.paidWith[0] ?? '' }))
      ) {
        return withRule(reply(status, 0.9, toolCalls), askToReturn(order, items));
      }
      if (!returnable) return withRule(reply(`${status}\n${outsideReturnWindow(window.days)}`, 0.9, toolCalls));
    }
    if (request.route.route === 'order_change') {
      return withRule({ ...reply(status, 0.5, toolCalls), handoffReason: 'action_needs_person' });
    }
    return withRule(reply(status, 0.95, toolCalls));
  }

  /**
   * A question about an order that is more than "where is it" (it is late, damaged, to be returned or
   * cancelled): the help center's rule for it, found by asking the help center the question the order's
   * status and the customer's words raise.
   */
  private async ruleThatApplies(request: GenerationRequest, order: OrderSummary) {
    const question = orderRuleQuestion(order, request.text);
    if (!question) return null;
    const passages = request.knowledge ? await request.knowledge.search(question, { limit: 5 }) : request.passages;
    const best = passages[0];
    if (!best || best.score < this.options.minPassageScore) return null;
    const answer = composeAnswerFromPassages(question, passages, { maxSentences: 2 });
    return answer.policyIds.length ? answer : null;
  }

  private async answerFromHelpCenter(request: GenerationRequest): Promise<Generation> {
    const answer = await this.helpCenterAnswer(request);
    if (!answer) {
      // A complaint that asks nothing yet is heard and asked about, not answered with "I don't know"; a calm
      // question the router only guessed was a complaint ("Can I pick up my order at a store?") is not one.
      if (request.route.route === 'complaint' && (request.customerMood === 'negative' || !request.text.includes('?'))) return reply(HEAR_COMPLAINT, 0.8);
      return unanswered(request);
    }
    return { ...reply(answer.text, request.passages[0].score), citedPassageIds: answer.passageIds, policyIds: answer.policyIds };
  }

  /** The help center's answer to the message, or null when its passages score too low or speak to something else. */
  private async helpCenterAnswer(request: GenerationRequest) {
    const best = request.passages[0];
    if (!best || best.score < this.options.minPassageScore) return null;
    const context = earlierQuestion(request.text, request.history) ?? undefined;
    const passages = await withArticleRule(request, request.passages);
    const answer = composeAnswerFromPassages(request.text, passages, { context });
    return answerCoversQuestion(request.text, passages, answer) ? answer : null;
  }
}

/**
 * An article's rule may sit in a section the customer's words do not find: "Do you ship to Canada?" finds
 * the list of places the shop can't ship to, not the rule above it. The rule of the best article, looked up
 * by the article's own title, joins the passages, ranked no higher than the passage that found the article.
 */
async function withArticleRule(request: GenerationRequest, passages: Passage[]): Promise<Passage[]> {
  const best = passages[0];
  if (!request.knowledge || passages.some((p) => p.articleId === best.articleId && p.policyIds.length)) return passages;
  const found = await request.knowledge.search(best.title, { limit: 5 });
  const rules = found
    .filter((p) => p.articleId === best.articleId && p.policyIds.length && !passages.some((q) => q.id === p.id))
    .map((p) => ({ ...p, score: Math.min(p.score, best.score) }));
  return [...passages, ...rules].sort((a, b) => b.score - a.score);
}

/**
 * The message names an order, gives the email or ZIP code the bot asked for about one named earlier, or
 * follows up on an order problem raised just before ("But it stopped working last week.").
 */
function isAboutAnOrder(request: GenerationRequest, details: CustomerDetails): boolean {
  const here = extractCustomerDetails(request.text);
  if (here.orderIds.length > 0) return true;
  if (!details.orderIds.length) return false;
  if (here.emails.length > 0 || here.zips.length > 0) return true;
  return ORDER_PROBLEM_ROUTES.has(request.route.route) && earlierQuestion(request.text, request.history) !== null;
}

/** "I don't know": nothing is said, a person takes the question. */
function unanswered(request: GenerationRequest): Generation {
  return { ...reply('', request.passages[0]?.score ?? 0), handoffReason: 'no_answer' };
}

function reply(text: string, confidence: number, toolCalls: ToolCallRecord[] = []): Generation {
  return {
    text,
    citedPassageIds: [],
    policyIds: [],
    confidence,
    handoffReason: null,
    toolCalls,
    toolRoundCapHit: false,
    model: null,
    usage: NO_USAGE,
  };
}

async function record<T>(calls: ToolCallRecord[], name: string, args: object, run: () => Promise<ToolOutcome<T>>): Promise<ToolOutcome<T>> {
  const started = performance.now();
  const result = await run();
  calls.push({ name, arguments: { ...args }, result, isError: !result.ok, durationMs: performance.now() - started });
  return result;
}
