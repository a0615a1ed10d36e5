import { normaliseQuestion } from './question-normaliser';

describe('normaliseQuestion', () => {
  it('groups the same question asked with different case, punctuation, accents and numbers', () => {
    expect(normaliseQuestion('Where is my order #1234??')).toBe(normaliseQuestion('where is my  ORDER 98765'));
    expect(normaliseQuestion('Café opening hours?')).toBe('cafe opening hours');
  });
});
