import { SentenceSplitter } from './sentence.splitter';

describe(SentenceSplitter.name, () => {
  it('hands over each sentence as soon as the text after it starts', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('You can return most items')).toEqual([]);
    expect(splitter.push(' within 30 days. Refunds go')).toEqual(['You can return most items within 30 days.']);
    expect(splitter.push(' back to the card you paid with! Anything')).toEqual(['Refunds go back to the card you paid with!']);
    expect(splitter.push(' else?')).toEqual([]);
    expect(splitter.flush()).toEqual(['Anything else?']);
  });

  it('joins a very short sentence with the next, so speech is not chopped', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('Sure. Your order shipped on Monday. ')).toEqual(['Sure. Your order shipped on Monday.']);
  });

  it('treats line breaks as boundaries and keeps numbers like 4.5 whole', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('The fee is 4.5 dollars per item\nWe ship daily')).toEqual(['The fee is 4.5 dollars per item']);
    expect(splitter.flush()).toEqual(['We ship daily']);
  });
});
