import { Conversation, Customer } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { OrderSummary } from '../orders/order-summary';
import { OrderToolSession } from '../orders/order-tools';
import { RouteDecision } from '../router/intent-router';
import { ToolSet } from '../tools/tool-set';
import { EmbeddedResponseGenerator } from './embedded-response.generator';
import { GenerationRequest } from './response-generator';

const LATE_RULE: Passage = {
  id: 'late#trace',
  articleId: 'late',
  title: 'Late or lost packages',
  section: 'Late or lost packages > When we trace a package',
  text: "If your package hasn't arrived 3 business days after its estimated delivery date, we trace it with the carrier (policy POL-SHIP-LATE).",
  policyIds: ['POL-SHIP-LATE'],
  score: 0.8,
};

const CARRIERS: Passage = {
  id: 'shipping#carriers',
  articleId: 'shipping',
  title: 'Shipping methods and costs',
  section: 'Shipping methods and costs > Carriers',
  text: 'We ship with UPS, USPS and FedEx and pick the carrier for each package. You pay one shipping fee per order (policy POL-SHIP-RATES).',
  policyIds: ['POL-SHIP-RATES'],
  score: 0.46,
};
const ADDRESS_CHANGE: Passage = {
  id: 'address#on-an-order',
  articleId: 'address',
  title: 'Change a shipping address',
  section: 'Change a shipping address > Changing the address on an order',
  text: 'You can change the shipping address of an order only while its status is Pending (policy POL-SHIP-ADDRESS).',
  policyIds: ['POL-SHIP-ADDRESS'],
  score: 0.45,
};
const CANCEL: Passage = {
  id: 'cancel#how',
  articleId: 'cancel',
  title: 'Cancel an order',
  section: 'Cancel an order > How to cancel',
  text: 'You can cancel an order while its status is Pending (policy POL-CANCEL-PENDING).',
  policyIds: ['POL-CANCEL-PENDING'],
  score: 0.65,
};
const STORE_PICKUP = 'Can I pick up my order at one of your stores instead of shipping it?';

/** A help center that answers every question with the passages it was given, recording what it was asked. */
class FakeHelpCenter extends KnowledgeRetriever {
  readonly asked: string[] = [];
  constructor(private readonly passages: Passage[]) {
    super();
  }
  async search(query: string): Promise<Passage[]> {
    this.asked.push(query);
    return this.passages;
  }
  async findPolicy(): Promise<Passage[]> {
    return [];
  }
}

const shipped: OrderSummary = {
  orderId: '#W1000001',
  status: 'processed',
  items: [{ itemId: '1', name: 'Harbor Lantern', options: {}, price: 40 }],
  paidWith: ['credit_card_1'],
  total: 40,
  shipments: [{ trackingIds: ['1Z1'], carrier: 'UPS', items: ['Harbor Lantern'], shippedAt: '2026-11-11', estimatedDelivery: '2026-11-18', deliveredAt: null }],
  shipTo: 'Atlanta, GA 30307',
};
const orders: OrderToolSession = {
  lookupOrder: async () => ({ ok: true, data: shipped }),
  listOrders: async () => ({ ok: false, code: 'needs_verification', message: 'Ask for the order number.' }),
  verifiedCustomerId: async () => 'user_1',
};
const noTools: ToolSet = { definitions: [], execute: async () => Promise.reject(new Error('no tool calls expected')) };
const routed = (route: RouteDecision['route']): RouteDecision => ({ route, intent: route, confidence: 0.9, stage: 'local' });

const request = (text: string, knowledge: KnowledgeRetriever, route = routed('order_status'), passages: Passage[] = []): GenerationRequest => ({
  conversation: { id: 'conv_1' } as Conversation,
  customer: { id: 'cus_1', email: null } as unknown as Customer,
  history: [],
  text,
  route,
  passages,
  knowledge,
  orders,
  tools: noTools,
  onDelta: () => undefined,
});

describe(EmbeddedResponseGenerator.name, () => {
  const generator = new EmbeddedResponseGenerator({ minPassageScore: 0.4 });

  it('tells a customer whose shipped order is late the rule for late packages, with its policy id', async () => {
    const helpCenter = new FakeHelpCenter([LATE_RULE]);
    const answer = await generator.generate(request('My order #W1000001 is a week late! me@example.com', helpCenter));
    expect(answer.text).toContain('has shipped');
    expect(answer.text).toContain('we trace it with the carrier');
    expect(answer.policyIds).toEqual(['POL-SHIP-LATE']);
    expect(helpCenter.asked[0]).toMatch(/late or lost package/);
  });

  it('gives only the status when the customer asks only where the order is', async () => {
    const helpCenter = new FakeHelpCenter([LATE_RULE]);
    const answer = await generator.generate(request("Where's my order #W1000001? me@example.com", helpCenter));
    expect(answer.text).not.toContain('trace');
    expect(helpCenter.asked).toEqual([]);
  });

  it("says it doesn't know, and hands off, when the help center speaks only of other things", async () => {
    const passages = [CARRIERS, ADDRESS_CHANGE];
    const answer = await generator.generate(request(STORE_PICKUP, new FakeHelpCenter(passages), routed('faq'), passages));
    expect(answer.text).toBe('');
    expect(answer.handoffReason).toBe('no_answer');
  });

  it('answers from the help center when its passages speak to the question', async () => {
    const passages = [CARRIERS, ADDRESS_CHANGE];
    const answer = await generator.generate(request('Which carriers deliver my packages?', new FakeHelpCenter(passages), routed('faq'), passages));
    expect(answer.text).toContain('We ship with UPS, USPS and FedEx');
    expect(answer.handoffReason).toBeNull();
  });

  it('does not ask for the order to make a change the help center knows nothing about', async () => {
    const passages = [CARRIERS, ADDRESS_CHANGE];
    const answer = await generator.generate(request(STORE_PICKUP, new FakeHelpCenter(passages), routed('order_change'), passages));
    expect(answer.handoffReason).toBe('no_answer');
    expect(answer.toolCalls).toEqual([]);
  });

  it('asks for the order to make a change the help center covers', async () => {
    const passages = [CANCEL, ADDRESS_CHANGE];
    const answer = await generator.generate(request('I want to cancel my order.', new FakeHelpCenter(passages), routed('order_change'), passages));
    expect(answer.text).toContain('What is your order number');
    expect(answer.handoffReason).toBeNull();
  });

  it('hears out an unhappy customer, but does not take a calm question the router guessed was a complaint for one', async () => {
    const helpCenter = new FakeHelpCenter([]);
    const upset = await generator.generate({
      ...request('This is the worst service ever, why is nobody helping me?', helpCenter, routed('complaint')),
      customerMood: 'negative',
    });
    expect(upset.text).toMatch(/^I'm sorry about this/);
    expect(upset.handoffReason).toBeNull();

    const calm = await generator.generate({
      ...request('Can I pick up my order at one of your stores?', helpCenter, routed('complaint')),
      customerMood: 'neutral',
    });
    expect(calm.text).toBe('');
    expect(calm.handoffReason).toBe('no_answer');
  });
});
