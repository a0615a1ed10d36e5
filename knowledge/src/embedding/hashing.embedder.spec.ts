import { HashingEmbedder } from './hashing.embedder';

describe(HashingEmbedder.name, () => {
  const embedder = new HashingEmbedder();

  function cosine(a: number[], b: number[]): number {
    return a.reduce((sum, value, i) => sum + value * b[i], 0);
  }

  it('gives unit-length vectors of the declared size', async () => {
    const [vector] = await embedder.embed(['How do I return a damaged item?'], 'document');

    expect(vector).toHaveLength(embedder.dimensions);
    expect(cosine(vector, vector)).toBeCloseTo(1, 6);
  });

  it('gives the same text the same vector every time', async () => {
    const [first] = await embedder.embed(['refund timelines'], 'query');
    const [second] = await new HashingEmbedder().embed(['refund timelines'], 'query');

    expect(second).toEqual(first);
  });

  it('puts a rephrased question closer to its answer than to an unrelated text', async () => {
    const [question, answer, unrelated] = await embedder.embed(
      [
        'when do I get my money back for a return',
        'Refunds are returned to your card within 5 business days of receiving the return',
        'Reset your password from the sign-in page',
      ],
      'document',
    );

    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, unrelated));
  });
});
