/** A labelled question: the article ids that answer it. */
export interface EvaluationQuery {
  id: string;
  text: string;
  relevant: string[];
}

/** Reads JSONL rows `{id, text, relevant: [article id]}`. */
export function parseEvaluationQueries(source: string): EvaluationQuery[] {
  return source
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvaluationQuery);
}
