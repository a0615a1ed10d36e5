import { Queryable } from '@support/platform';
import { normaliseQuestion } from './question-normaliser';

export interface RetrievalMiss {
  /** The normalised question the group is keyed on. */
  question: string;
  /** One customer wording of it, the latest. */
  example: string;
  count: number;
  /** Best top score among the group's turns. */
  bestScore: number;
  lastAskedAt: string;
}

export interface RetrievalMissesOptions {
  days: number;
  /** GATE_MIN_RETRIEVAL_SCORE. */
  minScore: number;
  limit?: number;
  now?: Date;
}

/**
 * Customer questions the help center could not answer — the top retrieved passage scored under `minScore`,
 * or nothing was found — most frequent first. Turns routed straight to a person searched nothing and are left out.
 */
export async function findRetrievalMisses(db: Queryable, options: RetrievalMissesOptions): Promise<RetrievalMiss[]> {
  const since = new Date((options.now ?? new Date()).getTime() - options.days * 24 * 60 * 60 * 1000);
  const { rows } = await db.query<{ text: string; top_score: number | null; created_at: Date | string }>(
    `SELECT m.text, (SELECT max((p->>'score')::float8) FROM jsonb_array_elements(t.passages) p) AS top_score, t.created_at
     FROM agent_turns t JOIN messages m ON m.id = t.message_id
     WHERE t.created_at >= $1 AND t.route <> 'human_request'
     ORDER BY t.created_at`,
    [since.toISOString()],
  );
  const groups = new Map<string, RetrievalMiss>();
  for (const row of rows) {
    const score = row.top_score === null ? 0 : Number(row.top_score);
    if (score >= options.minScore) continue;
    const question = normaliseQuestion(row.text);
    if (!question) continue;
    const askedAt = new Date(row.created_at).toISOString();
    const group = groups.get(question) ?? { question, example: row.text, count: 0, bestScore: 0, lastAskedAt: askedAt };
    group.count++;
    group.bestScore = Math.max(group.bestScore, score);
    group.example = row.text;
    group.lastAskedAt = askedAt;
    groups.set(question, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt)).slice(0, options.limit ?? 50);
}
