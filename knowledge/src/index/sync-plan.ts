import { KnowledgeChunk } from '../chunking/knowledge-chunk';

/** What a sync did, counted in chunks. */
export interface SyncSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** A stored chunk as far as deciding what to redo is concerned. */
export interface StoredChunkState {
  id: string;
  article_id: string;
  content_hash: string;
  embedder: string;
  has_embedding: boolean;
  metadata: string;
}

export interface SyncPlan {
  /** New or changed content: embed and write. */
  toEmbed: KnowledgeChunk[];
  /** Same content, new metadata (url, date, order, front-matter policies): rewrite without embedding. */
  toRelabel: KnowledgeChunk[];
  toRemove: string[];
  summary: SyncSummary;
}

/** Metadata compared as one string so the database and the loader agree on what "same" means. */
export function chunkMetadata(chunk: Pick<KnowledgeChunk, 'position' | 'url' | 'updatedAt' | 'policyIds' | 'articleId'>): string {
  return JSON.stringify([chunk.articleId, chunk.position, chunk.url ?? null, chunk.updatedAt ?? null, chunk.policyIds]);
}

/** The articles a sync speaks for: stored chunks of other articles are left as they are. */
export interface SyncScope {
  owns(articleId: string): boolean;
}

/** A sync of the whole index: what is not given is removed. */
export const WHOLE_INDEX: SyncScope = { owns: () => true };

export function planSync(chunks: KnowledgeChunk[], stored: StoredChunkState[], embedderName: string, scope: SyncScope = WHOLE_INDEX): SyncPlan {
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const incomingIds = new Set(chunks.map((chunk) => chunk.id));
  const plan: SyncPlan = { toEmbed: [], toRelabel: [], toRemove: [], summary: { added: 0, changed: 0, removed: 0, unchanged: 0 } };
  for (const chunk of chunks) {
    const existing = storedById.get(chunk.id);
    if (!existing) {
      plan.toEmbed.push(chunk);
      plan.summary.added++;
    } else if (existing.content_hash !== chunk.contentHash || existing.embedder !== embedderName || !existing.has_embedding) {
      plan.toEmbed.push(chunk);
      plan.summary.changed++;
    } else {
      if (existing.metadata !== chunkMetadata(chunk)) plan.toRelabel.push(chunk);
      plan.summary.unchanged++;
    }
  }
  plan.toRemove = stored.filter((row) => !incomingIds.has(row.id) && scope.owns(row.article_id)).map((row) => row.id);
  plan.summary.removed = plan.toRemove.length;
  return plan;
}
