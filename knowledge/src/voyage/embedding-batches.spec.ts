import { planBatches } from './embedding-batches';

describe(planBatches.name, () => {
  const length = (text: string) => text.length;

  it('keeps every batch within the item limit, in order', () => {
    const texts = Array.from({ length: 7 }, (_, i) => `t${i}`);

    expect(planBatches(texts, { maxItems: 3, maxTokens: 1000 }, length)).toEqual([['t0', 't1', 't2'], ['t3', 't4', 't5'], ['t6']]);
  });

  it('starts a new batch before the token limit would be passed', () => {
    expect(planBatches(['aaaa', 'bbbb', 'cc', 'dddd'], { maxItems: 10, maxTokens: 8 }, length)).toEqual([
      ['aaaa', 'bbbb'],
      ['cc', 'dddd'],
    ]);
  });

  it('sends a text over the token limit alone rather than dropping it', () => {
    expect(planBatches(['a', 'x'.repeat(50), 'b'], { maxItems: 10, maxTokens: 8 }, length)).toEqual([['a'], ['x'.repeat(50)], ['b']]);
  });
});
