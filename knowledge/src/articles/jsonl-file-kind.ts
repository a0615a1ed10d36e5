/** Row fields that mark a JSONL file as another kind of data, e.g. beside the articles in an evaluation dataset. */
const NOT_ARTICLE_FIELDS: Array<[field: string, kind: string]> = [
  ['relevant', 'retrieval queries'],
  ['qrels', 'retrieval judgements'],
  ['intent', 'labelled examples'],
  ['label', 'labelled examples'],
  ['spans', 'annotated text'],
];

/**
 * Why a JSONL file is not a file of articles, judged on its first JSON row, or undefined when it is: article
 * rows are `{"id", "title", "text"}`. An id and a text alone are not enough: a dataset's queries have them too.
 */
export function whyNotJsonlArticles(source: string): string | undefined {
  const row = firstObjectRow(source);
  if (!row) return undefined;
  for (const [field, kind] of NOT_ARTICLE_FIELDS) if (field in row) return `${kind} (rows have "${field}"), not articles`;
  if (!('title' in row)) return 'rows have no "title": not articles (an article row is {"id", "title", "text"})';
  return undefined;
}

function firstObjectRow(source: string): Record<string, unknown> | undefined {
  for (const line of source.split(/\r?\n/)) {
    try {
      const row = JSON.parse(line);
      if (row && typeof row === 'object' && !Array.isArray(row)) return row;
    } catch {
      // Bad lines are the parser's to report, line by line.
    }
  }
  return undefined;
}
