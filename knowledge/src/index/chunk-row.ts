import { Passage } from '../knowledge-retriever';

/** The columns of `knowledge_chunks` a passage is built from. */
export interface ChunkRow {
  id: string;
  article_id: string;
  title: string;
  url: string | null;
  section: string;
  body: string;
  policy_ids: string[];
  updated_at: string | null;
}

export const CHUNK_COLUMNS = 'id, article_id, title, url, section, body, policy_ids, updated_at';

export function toPassage(row: ChunkRow, score: number): Passage {
  return {
    id: row.id,
    articleId: row.article_id,
    title: row.title,
    url: row.url ?? undefined,
    section: row.section,
    text: row.body,
    policyIds: row.policy_ids,
    updatedAt: row.updated_at ?? undefined,
    score,
  };
}
