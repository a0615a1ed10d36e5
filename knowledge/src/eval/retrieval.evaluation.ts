import { KnowledgeRetriever } from '../knowledge-retriever';
import { EvaluationQuery } from './evaluation-query';
import { chooseThreshold, ThresholdChoice } from './score-threshold';

export interface RetrievalEvaluationOptions {
  /** Cut-offs for recall (default 1, 3, 5). */
  recallAt?: number[];
  /** Passages asked for per question (default 20); articles are ranked by their best passage. */
  depth?: number;
  /** Cut-off of nDCG (default 10). */
  ndcgAt?: number;
}

export interface RetrievalEvaluation {
  queries: number;
  /** Share of questions with a relevant article in the first k articles, by k. */
  recall: Record<number, number>;
  /** Mean reciprocal rank of the first relevant article (0 when not in `depth`). */
  mrr: number;
  /** nDCG at `ndcgAt` articles, binary relevance. */
  ndcg: number;
  /**
   * Calibration: the top score of questions answered right at rank 1, against the best score of an
   * article that does not answer the question, which is what the top score would be if the help
   * center lacked the answer. Scores are absolute, so this stands in for unanswerable questions.
   */
  calibration: ThresholdChoice & { answeredMedian: number; unansweredMedian: number };
  /** Per-question latency of `search`, in milliseconds. */
  latencyMs: { p50: number; p95: number };
}

/** Recall@k, MRR, score calibration and latency of a retriever over labelled questions. */
export async function evaluateRetrieval(
  retriever: KnowledgeRetriever,
  queries: EvaluationQuery[],
  options: RetrievalEvaluationOptions = {},
): Promise<RetrievalEvaluation> {
  const cutoffs = options.recallAt ?? [1, 3, 5];
  const hits = new Map(cutoffs.map((k) => [k, 0]));
  let reciprocalRanks = 0;
  let ndcgSum = 0;
  const ndcgAt = options.ndcgAt ?? 10;
  const answered: number[] = [];
  const unanswered: number[] = [];
  const latencies: number[] = [];

  for (const query of queries) {
    const started = performance.now();
    const passages = await retriever.search(query.text, { limit: options.depth ?? 20 });
    latencies.push(performance.now() - started);
    const articles = bestPassagePerArticle(passages);
    const relevant = new Set(query.relevant);
    const rank = articles.findIndex((article) => relevant.has(article.articleId)) + 1;
    if (rank) reciprocalRanks += 1 / rank;
    ndcgSum += ndcg(
      articles.slice(0, ndcgAt).map((article) => relevant.has(article.articleId)),
      Math.min(relevant.size, ndcgAt),
    );
    for (const k of cutoffs) if (rank && rank <= k) hits.set(k, hits.get(k)! + 1);
    if (rank === 1) answered.push(articles[0].score);
    unanswered.push(articles.find((article) => !relevant.has(article.articleId))?.score ?? 0);
  }

  return {
    queries: queries.length,
    recall: Object.fromEntries(cutoffs.map((k) => [k, hits.get(k)! / queries.length])),
    mrr: reciprocalRanks / queries.length,
    ndcg: ndcgSum / queries.length,
    calibration: { ...chooseThreshold(answered, unanswered), answeredMedian: percentile(answered, 50), unansweredMedian: percentile(unanswered, 50) },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

/** Discounted gain of the ranking over the ideal one that puts every relevant article first. */
function ndcg(relevantAtRank: boolean[], relevantCount: number): number {
  const gain = (hits: boolean[]) => hits.reduce((sum, hit, i) => sum + (hit ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = gain(Array.from({ length: relevantCount }, () => true));
  return ideal ? gain(relevantAtRank) / ideal : 0;
}

function bestPassagePerArticle<P extends { articleId: string; score: number }>(passages: P[]): P[] {
  const seen = new Set<string>();
  return passages.filter((passage) => !seen.has(passage.articleId) && seen.add(passage.articleId));
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
