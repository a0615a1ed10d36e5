import { anArticle } from '../testing/article.builder';
import { PolicyDigest } from './policy-digest';

const returns = anArticle()
  .withId('returns-policy')
  .withTitle('Returns policy')
  .withPolicies('POL-RETURN-30D', 'POL-RETURN-EXCLUSIONS')
  .withBody(
    [
      '# Returns policy',
      '',
      '## The 30-day return window',
      '',
      'You can request a return within **30 days** of the delivery date (policy POL-RETURN-30D). Only delivered orders can be returned.',
      '',
      "## Items that can't be returned",
      '',
      "We can't accept returns of gift cards or [personalized items](https://help.example/p) (policy POL-RETURN-EXCLUSIONS).",
    ].join('\n'),
  )
  .build();

const exchanges = anArticle()
  .withId('exchanges')
  .withTitle('Exchanges')
  .withPolicies('POL-EXCHANGE-VARIANT')
  .withBody(
    [
      '## Rules',
      '',
      'Exchanges follow the same rules as returns: ask within 30 days (policy POL-RETURN-30D).',
      '',
      '- **Electronics:** 2 years from delivery (policy POL-EXCHANGE-VARIANT). Such as headphones and GPS watches.',
      '',
      'We accept (policy POL-PAY-METHODS):',
      '',
      '- Visa',
      '- PayPal',
    ].join('\n'),
  )
  .build();

describe(PolicyDigest.name, () => {
  it('is empty until the help center is indexed', () => {
    expect(new PolicyDigest().render()).toBe('');
  });

  it('states each policy once, as the article that lists it states it, with the article and section, sorted by id', () => {
    const digest = new PolicyDigest();
    digest.update([exchanges, returns]);

    expect(digest.list().map((e) => e.policyId)).toEqual(['POL-EXCHANGE-VARIANT', 'POL-PAY-METHODS', 'POL-RETURN-30D', 'POL-RETURN-EXCLUSIONS']);
    expect(digest.list().find((e) => e.policyId === 'POL-RETURN-30D')).toEqual({
      policyId: 'POL-RETURN-30D',
      rule: 'You can request a return within 30 days of the delivery date.',
      article: 'Returns policy',
      section: 'The 30-day return window',
    });
    expect(digest.render().split('\n')[3]).toBe(
      "POL-RETURN-EXCLUSIONS: We can't accept returns of gift cards or personalized items. (Returns policy › Items that can't be returned)",
    );
  });

  it('keeps a list item whole, and gives a rule that opens a list the list after it', () => {
    const digest = new PolicyDigest();
    digest.update([exchanges]);

    const rules = new Map(digest.list().map((e) => [e.policyId, e.rule]));
    expect(rules.get('POL-EXCHANGE-VARIANT')).toBe('Electronics: 2 years from delivery. Such as headphones and GPS watches.');
    expect(rules.get('POL-PAY-METHODS')).toBe('We accept: Visa; PayPal');
    expect(rules.get('POL-RETURN-30D')).toBe('Exchanges follow the same rules as returns: ask within 30 days.');
  });

  it('names a listed policy that no sentence states by its article, and forgets policies no longer in the help center', () => {
    const digest = new PolicyDigest();
    digest.update([
      returns,
      anArticle().withId('fees').withTitle('Return shipping costs').withPolicies('POL-RETURN-FEE').withBody('No id in the text.').build(),
    ]);
    expect(digest.list().find((e) => e.policyId === 'POL-RETURN-FEE')).toMatchObject({ rule: 'Return shipping costs', section: '' });

    digest.update([returns]);
    expect(digest.list().map((e) => e.policyId)).toEqual(['POL-RETURN-30D', 'POL-RETURN-EXCLUSIONS']);
  });
});
