import { LexiconSentimentClassifier } from './lexicon-sentiment.classifier';

describe(LexiconSentimentClassifier.name, () => {
  const classifier = new LexiconSentimentClassifier();
  const labelOf = (text: string) => classifier.classify(text).label;
  const scoreOf = (text: string) => classifier.classify(text).score;

  it('reads a repeated complaint as negative', () => {
    expect(labelOf("this is the third time I'm asking, absolutely useless")).toBe('negative');
  });

  it('reads thanks for a fix as positive', () => {
    expect(labelOf('thanks, that solved it!')).toBe('positive');
  });

  it('reads a plain question about an order as neutral', () => {
    expect(classifier.classify('where is my order')).toEqual({ label: 'neutral', score: 0 });
  });

  it('reads a negated positive word as negative', () => {
    expect(labelOf('not happy at all')).toBe('negative');
  });

  it('reads a negated negative word as positive', () => {
    expect(labelOf('the new app is not bad')).toBe('positive');
  });

  it('does not let a negation reach across a comma', () => {
    expect(labelOf('No, thank you so much for the quick reply')).toBe('positive');
  });

  it('reads "no problem" as positive although it contains two negative words', () => {
    expect(labelOf('no problem, I can wait until Monday')).toBe('positive');
  });

  it('reads a parcel that never arrived as negative', () => {
    expect(labelOf('my package never arrived and nobody has replied to my emails')).toBe('negative');
  });

  it('weighs the clause after "but" more than the polite opening', () => {
    expect(labelOf('thanks for getting back to me but the app is still not working')).toBe('negative');
  });

  it('scores an intensified complaint lower than the plain one', () => {
    expect(scoreOf('the delivery was extremely slow')).toBeLessThan(scoreOf('the delivery was slow'));
  });

  it('scores a softened complaint higher than the plain one', () => {
    expect(scoreOf('the delivery was a bit slow')).toBeGreaterThan(scoreOf('the delivery was slow'));
  });

  it('scores a shouted complaint lower than the same words in lower case', () => {
    expect(scoreOf('this is UNACCEPTABLE')).toBeLessThan(scoreOf('this is unacceptable'));
  });

  it('scores exclamation marks as stronger feeling', () => {
    expect(scoreOf('this is unacceptable!!!')).toBeLessThan(scoreOf('this is unacceptable'));
  });

  it('reads profanity as negative', () => {
    expect(labelOf('wtf, where is my refund')).toBe('negative');
  });

  it('reads an angry emoji as negative', () => {
    expect(labelOf('order #W9000001 still here 😡')).toBe('negative');
  });

  it('reads a thumbs-up emoji as positive', () => {
    expect(labelOf('got it 👍')).toBe('positive');
  });

  it('reads stretched words like their normal spelling', () => {
    expect(labelOf('thaaanks, sooo helpful')).toBe('positive');
  });

  it('keeps every score within [-1, 1]', () => {
    const furious = 'WORST SERVICE EVER!!!! ABSOLUTELY USELESS, TOTALLY INCOMPETENT, UNACCEPTABLE 🤬🤬🤬';
    expect(scoreOf(furious)).toBeGreaterThanOrEqual(-1);
    expect(scoreOf('thank you so much, amazing, perfect, you rock!!!! 😍🎉')).toBeLessThanOrEqual(1);
  });

  it('widens the neutral band when given wider thresholds', () => {
    const cautious = new LexiconSentimentClassifier({ positiveThreshold: 0.5, negativeThreshold: -0.5 });
    expect(cautious.classify('I would like a refund').label).toBe('neutral');
  });
});
