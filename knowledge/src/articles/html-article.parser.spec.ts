import { parseHtmlArticle } from './html-article.parser';

describe('parseHtmlArticle', () => {
  const page = `<!doctype html><html><head><title>Returns | Help</title>
<meta name="id" content="returns-policy"><meta name="updated_at" content="2026-05-02">
<meta name="policies" content="POL-RETURN-30D, POL-REFUND-5D"><link rel="canonical" href="https://help.example.test/returns">
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a></nav><main><h1>Returns policy</h1>
<p>You can return most items.</p>
<h2>Return window</h2><p>You have <strong>30 days</strong> &amp; a receipt (policy POL-RETURN-30D).</p>
<h3>Damaged items</h3><ul><li>Send a photo</li><li>We pay shipping</li></ul>
<script>track()</script></main></body></html>`;

  it('turns an exported page into an article with its metadata and sections', () => {
    const { article, warnings } = parseHtmlArticle(page, 'returns');

    expect(article).toMatchObject({
      id: 'returns-policy',
      title: 'Returns policy',
      url: 'https://help.example.test/returns',
      updatedAt: '2026-05-02',
      policyIds: ['POL-RETURN-30D', 'POL-REFUND-5D'],
    });
    expect(article.body).toBe(
      'You can return most items.\n\n## Return window\n\nYou have 30 days & a receipt (policy POL-RETURN-30D).\n\n### Damaged items\n\n- Send a photo\n- We pay shipping',
    );
    expect(warnings).toEqual([]);
  });

  it('falls back to the file name as id, and says so', () => {
    const { article, warnings } = parseHtmlArticle('<h1>Store hours</h1><p>Nine to five.</p>', 'store-hours');

    expect(article).toMatchObject({ id: 'store-hours', title: 'Store hours', body: 'Nine to five.' });
    expect(warnings).toEqual([expect.stringContaining('file name')]);
  });

  it('rejects a page with a title and nothing else', () => {
    expect(() => parseHtmlArticle('<h1>Old page</h1>', 'legacy')).toThrow('no body text');
  });
});
