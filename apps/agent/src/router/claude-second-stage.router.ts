import Anthropic from '@anthropic-ai/sdk';
import { tokenUsageOf } from '../cost/anthropic-usage';
import { PiiRedactor } from '../pii/pii-redactor';
import { SecondStageRouter } from './cascade.intent-router';
import { Route, RouteDecision, ROUTES } from './intent-router';

const ROUTE_TOOL: Anthropic.Tool = {
  name: 'route_message',
  description: "Record what the customer's message is about.",
  input_schema: {
    type: 'object',
    properties: {
      route: { type: 'string', enum: [...ROUTES] },
      confidence: { type: 'number', description: 'How sure you are, 0 to 1' },
    },
    required: ['route', 'confidence'],
  },
};

const INSTRUCTIONS = `You route messages sent to an online shop's customer support. Routes:
faq: a general question the help center answers (shipping, policies, payments, products)
order_status: where an order is, its status or tracking
order_change: cancel an order, change its address, items or payment
return_refund: the customer's own return, refund or exchange
account: sign-in, password, email, account data
complaint: the customer is unhappy with the service or a product
human_request: the customer asks for a person
out_of_scope: anything else
Call route_message once.`;

/** The router's second stage: the small model decides where the local classifier was unsure, through a tool. */
export class ClaudeSecondStageRouter extends SecondStageRouter {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly redactor = new PiiRedactor(),
  ) {
    super();
  }

  async route(text: string, local: RouteDecision): Promise<RouteDecision> {
    try {
      const response = await this.client.messages.create({
        model: this.model,
        max_tokens: 100,
        system: INSTRUCTIONS,
        tools: [ROUTE_TOOL],
        tool_choice: { type: 'tool', name: ROUTE_TOOL.name },
        messages: [{ role: 'user', content: `<customer_message>\n${this.redactor.redact(text).text}\n</customer_message>` }],
      });
      const call = response.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
      const input = (call?.input ?? {}) as { route?: string; confidence?: number };
      const usage = tokenUsageOf(response.usage);
      if (!ROUTES.includes(input.route as Route)) return { ...local, spend: { model: this.model, usage } };
      return {
        route: input.route as Route,
        intent: input.route!,
        confidence: clamp(input.confidence ?? 0.7),
        stage: 'model',
        spend: { model: this.model, usage },
      };
    } catch {
      // The second stage is an improvement, not a dependency: the local decision stands.
      return local;
    }
  }
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0.7));
}
