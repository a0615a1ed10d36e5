import { IntentClassifier } from './intent-classifier';
import { LocalIntentRouter } from './local-intent.router';
import { RouteMap } from './route-map';

describe(LocalIntentRouter.name, () => {
  const router = LocalIntentRouter.train();

  // Policy questions ("what's your return policy") are faq; acting on one's own return or refund is return_refund.
  it.each([
    ["where's my package?? it's been a week", 'order_status'],
    ['has my order W1112223 shipped yet?', 'order_status'],
    ['I want to speak to a real person', 'human_request'],
    ['can I talk to an agent please', 'human_request'],
    ['cancel my order #W9000001', 'order_change'],
    ['I need to change the shipping address on my order', 'order_change'],
    ["what's your return policy", 'faq'],
    ['do you ship to germany?', 'faq'],
    ['the blender I got is broken, I want my money back', 'return_refund'],
    ['still no refund for the shoes I sent back', 'return_refund'],
    ['hi I forgot my password and cant log in', 'account'],
    ['how do i change the email on my account', 'account'],
    ['this is the worst customer service I have ever had', 'complaint'],
    ['your driver was so rude, unacceptable', 'complaint'],
    ["what's the weather in Paris", 'out_of_scope'],
    ['tell me a joke', 'out_of_scope'],
  ])('routes "%s" to %s', (text, route) => {
    expect(router.classify(text)).toMatchObject({ route, intent: route, stage: 'local' });
  });

  it('answers a typical message itself, without the second stage', () => {
    expect(router.classify('I want to cancel my order').needsSecondStage).toBe(false);
  });

  it.each(['qwx zzkv plorf', 'hmm', 'asdfghjkl'])('passes an unclear message to the second stage: "%s"', (text) => {
    const decision = router.classify(text);

    expect(decision.confidence).toBeLessThan(0.5);
    expect(decision.needsSecondStage).toBe(true);
  });

  it('passes every message to the second stage when the threshold is 1', () => {
    const cautious = LocalIntentRouter.train({ confidenceThreshold: 1 });

    expect(cautious.classify('I want to speak to a real person').needsSecondStage).toBe(true);
  });

  it("routes a company's own intents through its route map", () => {
    const classifier = IntentClassifier.train([
      ...['where is my parcel', 'track my parcel', 'parcel not arrived'].map((text) => ({ text, intent: 'wismo' })),
      ...['reset my password', 'cannot log in', 'forgot password'].map((text) => ({ text, intent: 'login_help' })),
    ]);
    const companyRouter = new LocalIntentRouter(classifier, { routeMap: RouteMap.fromConfig({ wismo: 'order_status', login_help: 'account' }) });

    expect(companyRouter.classify('my parcel has not arrived')).toMatchObject({ route: 'order_status', intent: 'wismo' });
  });

  it('refuses a classifier whose intents the route map does not cover', () => {
    const classifier = IntentClassifier.train([
      { text: 'where is my parcel', intent: 'wismo' },
      { text: 'reset my password', intent: 'login_help' },
    ]);

    expect(() => new LocalIntentRouter(classifier)).toThrow(/no route for intents login_help, wismo/);
  });

  it('refuses a threshold outside 0..1', () => {
    expect(() => LocalIntentRouter.train({ confidenceThreshold: 50 })).toThrow(RangeError);
  });
});
