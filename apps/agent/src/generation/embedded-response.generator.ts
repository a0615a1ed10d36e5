import { NO_USAGE, ToolCallRecord } from '@support/conversation';
import { ToolOutcome } from '../orders/order-tools';
import { Route } from '../router/intent-router';
import { CustomerDetails, extractCustomerDetails } from './customer-details.extractor';
import { describeOrder } from './order-status.phrasing';
import { composeAnswerFromPassages } from './passage-answer.composer';
import { customerConfirmed } from '../tools/customer-confirmation.detector';
import { askToCancel, cancelOrder, confirmedCancellation, wantsCancellation } from './embedded-cancellation';
import { isSmallTalk } from './small-talk';
import { Generation, GenerationRequest, ResponseGenerator } from './response-generator';

const ORDER_ROUTES: ReadonlySet<Route> = new Set(['order_status', 'order_change']);

const ASK_FOR_ORDER =
  'I can help with that. What is your order number (it looks like #W1234567), and the email address or ZIP code the order was placed with?';

/**
 * The engine that works with no model at all: answers order questions through the order tools
 * and questions from the best help-center passage, word for word. Anything else it hands on.
 */
export class EmbeddedResponseGenerator extends ResponseGenerator {
  constructor(private readonly options: { minPassageScore: number }) {
    super();
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
    const lastBotText = [...request.history].reverse().find((m) => m.author === 'bot')?.text ?? null;
    const toCancel = confirmedCancellation(lastBotText, customerConfirmed(lastBotText, request.text));
    if (toCancel) {
      const toolCalls: ToolCallRecord[] = [];
      const result = await cancelOrder(request.tools, toCancel, toolCalls);
      return result.done ? reply(result.text, 0.95, toolCalls) : { ...reply(result.text, 0.5, toolCalls), handoffReason: 'action_needs_person' };
    }
    const details = extractCustomerDetails(request.text, request.history);
    if (ORDER_ROUTES.has(request.route.route) || isAboutAnOrder(request.text, details)) return this.answerAboutOrder(request, details);
    return this.answerFromHelpCenter(request);
  }

  private async answerAboutOrder(request: GenerationRequest, details: CustomerDetails): Promise<Generation> {
    const toolCalls: ToolCallRecord[] = [];
    const orderId = details.orderIds[0];
    if (!orderId) {
      const listed = await record(toolCalls, 'list_orders', {}, () => request.orders.listOrders());
      if (!listed.ok) return reply(ASK_FOR_ORDER, 0.9, toolCalls);
      if (!listed.data.length) return reply("I couldn't find any orders on your account. If you ordered with another email address, please tell me the order number.", 0.8, toolCalls);
      return reply(listed.data.map(describeOrder).join('\n\n'), 0.9, toolCalls);
    }
    const email = details.emails[0] ?? request.customer.email ?? undefined;
    const zip = details.zips[0];
    const args = { orderId, ...(email ? { email } : {}), ...(zip ? { zip } : {}) };
    const found = await record(toolCalls, 'lookup_order', args, () => request.orders.lookupOrder(args));
    if (!found.ok) return reply(found.code === 'needs_verification' ? `I can look up ${orderId} for you. ${found.message}` : found.message, 0.9, toolCalls);
    if (request.route.route === 'order_change' && wantsCancellation(request.text)) {
      const question = askToCancel(found.data);
      return found.data.status === 'pending' ? reply(question, 0.9, toolCalls) : { ...reply(question, 0.5, toolCalls), handoffReason: 'action_needs_person' };
    }
    const status = describeOrder(found.data);
    if (request.route.route === 'order_change') {
      return { ...reply(status, 0.5, toolCalls), handoffReason: 'action_needs_person' };
    }
    const rule = this.ruleThatApplies(request);
    if (!rule) return reply(status, 0.95, toolCalls);
    return { ...reply(`${status}\n\n${rule.text}`, 0.95, toolCalls), citedPassageIds: rule.passageIds, policyIds: rule.policyIds };
  }

  /**
   * A question about an order that is more than "where is it" (it is late, damaged, to be returned):
   * the help center's rule for it, when a passage answers it well.
   */
  private ruleThatApplies(request: GenerationRequest) {
    const asksMore = /\b(late|delay|never (came|arrived)|damaged|broken|defect|wrong|return|refund|exchange|warranty|missing|lost)/i.test(request.text);
    const best = request.passages[0];
    if (!asksMore || !best || best.score < this.options.minPassageScore) return null;
    return composeAnswerFromPassages(request.text, request.passages);
  }

  private answerFromHelpCenter(request: GenerationRequest): Generation {
    const best = request.passages[0];
    if (!best || best.score < this.options.minPassageScore) {
      return { ...reply('', best?.score ?? 0), handoffReason: 'no_answer' };
    }
    const answer = composeAnswerFromPassages(request.text, request.passages);
    return { ...reply(answer.text, best.score), citedPassageIds: answer.passageIds, policyIds: answer.policyIds };
  }
}

/** The message names an order, or gives the email or ZIP code the bot asked for about one named earlier. */
function isAboutAnOrder(text: string, details: CustomerDetails): boolean {
  const here = extractCustomerDetails(text);
  return here.orderIds.length > 0 || (details.orderIds.length > 0 && (here.emails.length > 0 || here.zips.length > 0));
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

