import { Passage } from '@support/knowledge';
import { composeAnswerFromPassages } from './passage-answer.composer';

const passage = (id: string, score: number, text: string, overrides: Partial<Passage> = {}): Passage => {
  const [articleId, section = ''] = id.split('#');
  return { id, articleId, title: articleId, section, text, policyIds: text.match(/POL-[A-Z0-9-]+/g) ?? [], score, ...overrides };
};

describe('composeAnswerFromPassages', () => {
  const shipping = [
    passage('shipping#exchanges', 0.84, 'The replacement item in an exchange ships with Standard shipping at no cost to you.', {
      section: 'Shipping > Shipping for exchanges',
    }),
    passage('shipping#free', 0.81, 'Standard shipping is free when your merchandise subtotal is $50 or more (policy POL-SHIP-FREE50).', {
      section: 'Shipping > Free shipping',
    }),
    passage('returns#fee', 0.76, 'For a standard return, a flat return shipping fee of $7.95 is deducted from your refund (policy POL-RETURN-FEE).', {
      title: 'Return shipping costs',
      section: 'Return shipping costs > The return fee',
    }),
    passage(
      'shipping#fees',
      0.66,
      '| Method | Delivery time | Fee |\n|---|---|---|\n| Standard | 5–7 business days | $5.99, free on orders of $50 or more |\n| Express | 1 business day | $24.99 |',
      { section: 'Shipping > Methods and fees', policyIds: ['POL-SHIP-RATES'] },
    ),
  ];

  it('answers "how much" with the price from the fee table, and cites its policy', () => {
    const answer = composeAnswerFromPassages('How much does standard shipping cost?', shipping);
    expect(answer.text).toContain('$5.99');
    expect(answer.policyIds).toEqual(expect.arrayContaining(['POL-SHIP-RATES']));
  });

  it('does not answer a shipping question with the return fee', () => {
    expect(composeAnswerFromPassages('How much does standard shipping cost?', shipping).text).not.toContain('$7.95');
  });

  it('answers a follow-up from the question before it', () => {
    const answer = composeAnswerFromPassages('Is it ever free?', shipping, { context: 'How much does standard shipping cost?' });
    expect(answer.text).toContain('$50');
    expect(answer.policyIds).toContain('POL-SHIP-FREE50');
  });

  it('adds the rule the answer rests on when the best sentences state none', () => {
    const passages = [
      passage('intl#cant', 0.66, '- Addresses outside the United States, including Canada and Mexico\n- APO military addresses', {
        section: "International > Addresses we can't ship to",
      }),
      passage('intl#intro', 0.62, "No. We ship only to addresses in the 50 US states (policy POL-SHIP-USONLY). We don't ship to other countries."),
    ];
    const answer = composeAnswerFromPassages('Do you ship to Canada?', passages);
    expect(answer.text).toContain("Addresses we can't ship to: Addresses outside the United States, including Canada");
    expect(answer.text).toContain('No. We ship only to addresses in the 50 US states (policy POL-SHIP-USONLY).');
    expect(answer.policyIds).toEqual(['POL-SHIP-USONLY']);
  });

  it('does not count the word "policy" in a citation as an answer to "what is your policy"', () => {
    const passages = [
      passage('returns#exclusions', 0.83, "We can't accept returns of gift cards (policy POL-RETURN-EXCLUSIONS)."),
      passage('returns#window', 0.73, 'You can request a return within 30 days of the delivery date (policy POL-RETURN-30D).', {
        section: 'Returns > The 30-day return window',
      }),
    ];
    expect(composeAnswerFromPassages('What is your return policy?', passages).text).toContain('30 days');
  });
});
