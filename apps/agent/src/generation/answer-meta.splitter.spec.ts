import { AnswerMetaSplitter } from './answer-meta.splitter';

describe(AnswerMetaSplitter.name, () => {
  it('streams the answer and keeps the trailing meta block from the customer, even when the tag is split', () => {
    const seen: string[] = [];
    const splitter = new AnswerMetaSplitter((t) => seen.push(t));
    for (const piece of [
      'Returns are free within ',
      '30 days (policy POL-RETURN-30D).\n<ans',
      'wer_meta>{"passage_ids":["returns#1"],',
      '"policy_ids":["POL-RETURN-30D"],"confidence":0.9}</answer_meta>',
    ]) {
      splitter.push(piece);
    }
    const { text, meta } = splitter.finish();
    expect(seen.join('')).not.toContain('answer_meta');
    expect(text).toBe('Returns are free within 30 days (policy POL-RETURN-30D).');
    expect(meta).toEqual({ passageIds: ['returns#1'], policyIds: ['POL-RETURN-30D'], confidence: 0.9 });
  });

  it('passes an answer without meta through whole, with no meta', () => {
    const splitter = new AnswerMetaSplitter(() => undefined);
    splitter.push('Hi! 1 < 2 and <b> is not a tag of ours.');
    expect(splitter.finish()).toEqual({ text: 'Hi! 1 < 2 and <b> is not a tag of ours.', meta: null });
  });

  it('ignores a malformed meta block rather than trusting it', () => {
    const splitter = new AnswerMetaSplitter(() => undefined);
    splitter.push('Answer.<answer_meta>{confidence: high}</answer_meta>');
    expect(splitter.finish()).toEqual({ text: 'Answer.', meta: null });
  });
});
