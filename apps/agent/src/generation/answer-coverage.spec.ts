import { Passage } from '@support/knowledge';
import { answerCoversQuestion } from './answer-coverage';
import { composeAnswerFromPassages } from './passage-answer.composer';

const passage = (id: string, score: number, text: string, section = ''): Passage => {
  const [articleId] = id.split('#');
  return { id, articleId, title: articleId, section, text, policyIds: text.match(/POL-[A-Z0-9-]+/g) ?? [], score };
};

/** What the help center finds for a question about picking an order up in a store: shipping, nothing about stores. */
const SHIPPING_ARTICLES = [
  passage(
    'change-shipping-address#changing-the-address-on-an-order',
    0.46,
    "You can change the shipping address of an order only while its status is Pending (policy POL-SHIP-ADDRESS). Once it's Processed, we pick it and hand it to the carrier.",
  ),
  passage(
    'international-shipping#changing-the-address',
    0.44,
    'We ship only to addresses in the 50 US states. To change the address on an order, see Changing your shipping address.',
  ),
  passage('tracking-your-order#more-than-one-package', 0.44, 'An order may ship in more than one package, each with its own tracking number.'),
  passage('placing-an-order#checking-out', 0.43, 'At checkout, choose a shipping method and enter the address we ship your order to.'),
  passage(
    'shipping-methods-and-costs#carriers',
    0.37,
    'We ship with UPS, USPS and FedEx and pick the carrier for each package. You pay one shipping fee per order (policy POL-SHIP-RATES).',
    'Shipping > Carriers',
  ),
];

const covers = (question: string, passages: Passage[]) => answerCoversQuestion(question, passages, composeAnswerFromPassages(question, passages));

describe('answerCoversQuestion', () => {
  it('does not take how we pick a carrier as the answer to picking an order up at a store', () => {
    expect(covers('Can I pick up my order at one of your stores instead of shipping it?', SHIPPING_ARTICLES)).toBe(false);
  });

  it('takes an answer that holds what sets the question apart', () => {
    expect(covers('Which carriers deliver my packages?', SHIPPING_ARTICLES)).toBe(true);
  });

  it('answers a question whose one odd word the help center lacks', () => {
    const passages = [
      passage('contact-support#support-hours', 0.51, 'Support hours: Monday to Friday, 8 a.m. to 8 p.m. Eastern Time.', 'Contact support > Support hours'),
      passage('accessibility#getting-help', 0.38, 'Phone: call during support hours. Relay calls are welcome.'),
    ];
    expect(covers('What are your customer support hours?', passages)).toBe(true);
  });
});
