import { join } from 'node:path';
import { Article } from '../articles/article';
import { SyncSummary } from '../index/sync-plan';
import { ArticleSink, HelpCenterIngestor } from './help-center.ingestor';

class RecordingSink implements ArticleSink {
  articles: Article[] = [];

  async sync(articles: Article[]): Promise<SyncSummary> {
    this.articles = articles;
    return { added: articles.length, changed: 0, removed: 0, unchanged: 0 };
  }
}

const MIXED = join(__dirname, 'fixtures/mixed');
const DATASET = join(__dirname, 'fixtures/dataset');

describe(HelpCenterIngestor.name, () => {
  let sink: RecordingSink;
  let ingestor: HelpCenterIngestor;

  beforeEach(() => {
    sink = new RecordingSink();
    ingestor = new HelpCenterIngestor(sink);
  });

  it('loads Markdown articles and JSONL rows from one folder', async () => {
    await ingestor.ingest(MIXED);

    expect(sink.articles.map((article) => article.id).sort()).toEqual(['faq-1', 'gift-cards', 'store-hours']);
  });

  it("takes a README in the folder as the folder's documentation, not an article, and does not list it as skipped", async () => {
    const summary = await ingestor.ingest(MIXED);

    expect(sink.articles.map((article) => article.title)).not.toContain('About this folder');
    expect(summary.skipped.map((s) => s.path)).not.toContain('README.md');
  });

  it('uses the file name as id when the front matter has none, and says so', async () => {
    const summary = await ingestor.ingest(MIXED);

    expect(sink.articles.find((article) => article.id === 'store-hours')?.title).toBe('Store hours');
    expect(summary.warnings).toEqual([{ path: 'store-hours.md', reason: expect.stringContaining('file name') }]);
  });

  it('reports skipped files and lines with their reasons', async () => {
    const summary = await ingestor.ingest(MIXED);

    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { path: 'empty.md', reason: 'empty file' },
        { path: 'legacy.html', reason: 'no body text' },
        { path: 'faq.jsonl:2', reason: 'not valid JSON' },
        { path: 'faq.jsonl:3', reason: 'no text' },
      ]),
    );
  });

  it("reads a dataset folder's articles and lists its queries, labelled examples and notes as skipped, with why", async () => {
    const summary = await ingestor.ingest(DATASET);

    expect(sink.articles.map((article) => article.id)).toEqual(['faq-d001', 'faq-d002']);
    expect(summary.skipped).toEqual([
      { path: 'SOURCE_README.txt', reason: 'unsupported file type .txt' },
      { path: 'intents.jsonl', reason: 'labelled examples (rows have "intent"), not articles' },
      { path: 'queries_dev.jsonl', reason: 'retrieval queries (rows have "relevant"), not articles' },
    ]);
  });

  it('returns the sync counts with the number of articles', async () => {
    const summary = await ingestor.ingest(MIXED);

    expect(summary).toMatchObject({ articles: 3, added: 3 });
  });

  it('refuses a folder without articles instead of emptying the index', async () => {
    await expect(ingestor.ingest(join(MIXED, 'empty.md'))).rejects.toThrow('no articles');
    expect(sink.articles).toEqual([]);
  });

  it('refuses a path that does not exist', async () => {
    await expect(ingestor.ingest(join(MIXED, 'missing'))).rejects.toThrow('not found');
  });

  it('tells its listener the articles once the index holds them, and nothing when the sync fails', async () => {
    const heard: string[][] = [];
    await new HelpCenterIngestor(sink, (articles) => heard.push(articles.map((a) => a.id).sort())).ingest(MIXED);
    expect(heard).toEqual([['faq-1', 'gift-cards', 'store-hours']]);

    const failing: ArticleSink = { sync: () => Promise.reject(new Error('index down')) };
    await expect(new HelpCenterIngestor(failing, (articles) => heard.push(articles.map((a) => a.id))).ingest(MIXED)).rejects.toThrow('index down');
    expect(heard).toHaveLength(1);
  });
});
