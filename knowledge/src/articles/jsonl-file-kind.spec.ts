import { whyNotJsonlArticles } from './jsonl-file-kind';

describe(whyNotJsonlArticles.name, () => {
  it('takes rows with an id, a title and a text as articles', () => {
    expect(whyNotJsonlArticles('{"id":"a","title":"Returns","text":"30 days."}\n')).toBeUndefined();
  });

  it('judges the file by its first JSON row, past lines that are not JSON', () => {
    expect(whyNotJsonlArticles('not json\n{"id":"q1","text":"refund?","relevant":["a"]}\n')).toBe('retrieval queries (rows have "relevant"), not articles');
  });

  it("does not take rows with an id and a text but no title, as a dataset's questions have", () => {
    expect(whyNotJsonlArticles('{"id":"q1","text":"where is my parcel"}\n')).toBe(
      'rows have no "title": not articles (an article row is {"id", "title", "text"})',
    );
  });

  it('names annotated text for what it is', () => {
    expect(whyNotJsonlArticles('{"id":"p1","text":"Call 555-0100","spans":[]}\n')).toBe('annotated text (rows have "spans"), not articles');
  });
});
