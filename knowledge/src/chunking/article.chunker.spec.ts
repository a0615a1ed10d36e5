import { anArticle } from '../testing/article.builder';
import { ArticleChunker } from './article.chunker';

describe(ArticleChunker.name, () => {
  const chunker = new ArticleChunker({ maxChars: 300, overlapChars: 80 });

  it('gives each heading its own chunk with the heading path as its section', () => {
    const chunks = chunker.chunk(
      anArticle().withBody('Intro text.\n\n## Returns\n\nReturn within 30 days.\n\n### Damaged items\n\nSend a photo.\n\n## Refunds\n\nFive days.').build(),
    );

    expect(chunks.map((chunk) => chunk.section)).toEqual(['', 'Returns', 'Returns > Damaged items', 'Refunds']);
  });

  it('keeps the article id, title, url and date on every chunk', () => {
    const article = { ...anArticle().withId('returns').withTitle('Returns policy').withUpdatedAt('2026-05-02').build(), url: 'https://x.test/r' };

    const chunks = chunker.chunk({ ...article, body: '## One\n\nA.\n\n## Two\n\nB.' });

    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ articleId: 'returns', title: 'Returns policy', url: 'https://x.test/r', updatedAt: '2026-05-02' });
    }
  });

  it('records the policy ids each chunk states, and only those', () => {
    const chunks = chunker.chunk(
      anArticle()
        .withPolicies('POL-RETURN-30D', 'POL-REFUND-5D')
        .withBody('## Window\n\nReturn within 30 days (policy POL-RETURN-30D).\n\n## Refunds\n\nRefunded in 5 days (policy POL-REFUND-5D).')
        .build(),
    );

    expect(chunks.map((chunk) => chunk.policyIds)).toEqual([['POL-RETURN-30D'], ['POL-REFUND-5D']]);
  });

  it('attaches a front-matter policy no section states to the opening chunk', () => {
    const chunks = chunker.chunk(anArticle().withPolicies('POL-WARRANTY-1Y').withBody('## Coverage\n\nOne year.\n\n## Claims\n\nEmail us.').build());

    expect(chunks[0].policyIds).toEqual(['POL-WARRANTY-1Y']);
    expect(chunks[1].policyIds).toEqual([]);
  });

  it('splits a long section between paragraphs, repeating a little of the previous piece', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} says something useful about returns and refunds.`);

    const chunks = chunker.chunk(
      anArticle()
        .withBody(`## Long\n\n${paragraphs.join('\n\n')}`)
        .build(),
    );

    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.text.length <= 300)).toBe(true);
    expect(chunks[1].text.startsWith(chunks[0].text.split('\n\n').pop()!)).toBe(true);
  });

  it('does not cut at headings inside code blocks', () => {
    const chunks = chunker.chunk(anArticle().withBody('## Setup\n\n```\n## not a heading\n```\n\nDone.').build());

    expect(chunks).toHaveLength(1);
  });

  it('gives the same content the same hash and changed content a new one', () => {
    const before = chunker.chunk(anArticle().withBody('## One\n\nA.\n\n## Two\n\nB.').build());
    const after = chunker.chunk(anArticle().withBody('## One\n\nA.\n\n## Two\n\nB, changed.').build());

    expect(after[0].contentHash).toBe(before[0].contentHash);
    expect(after[1].contentHash).not.toBe(before[1].contentHash);
  });

  it('keeps chunk ids unique when two sections share a heading', () => {
    const chunks = chunker.chunk(anArticle().withId('faq').withBody('## Notes\n\nA.\n\n## Notes\n\nB.').build());

    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(2);
  });
});
