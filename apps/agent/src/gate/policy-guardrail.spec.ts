import { checkPolicyCitation } from './policy-guardrail';

describe('checkPolicyCitation', () => {
  const known = new Set(['POL-RETURN-30D', 'POL-REFUND-CARD']);
  const check = (customerText: string, reply: string, route: any = 'faq') => checkPolicyCitation({ customerText, route, reply, knownPolicyIds: known });

  it('lets a refund rule through when it cites a policy the help center has', () => {
    expect(check('how long do refunds take?', 'Card refunds arrive within 5–7 business days (policy POL-REFUND-CARD).')).toEqual({ ok: true });
  });

  it('stops a refund rule stated without a policy id', () => {
    expect(check('can I get a refund?', 'Yes, refunds are accepted within 60 days.')).toEqual({ ok: false, reason: 'uncited_policy' });
  });

  it('stops an answer citing a policy id that does not exist', () => {
    expect(check('return policy?', 'You have 90 days to return anything (policy POL-RETURN-90D).', 'return_refund')).toEqual({
      ok: false,
      reason: 'unknown_policy',
    });
  });

  it('lets a question back to the customer through: it states no rule', () => {
    expect(check('I want to return my boots', 'I can help with that. What is your order number?')).toEqual({ ok: true });
  });

  it('leaves other topics alone', () => {
    expect(check('how do I reset my password?', 'Use Forgot password within the sign-in page; the link is valid for 1 hour.')).toEqual({ ok: true });
  });
});
