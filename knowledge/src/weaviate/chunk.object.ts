import { generateUuid5 } from 'weaviate-ts-client';
import { KnowledgeChunk } from '../chunking/knowledge-chunk';
import { Passage } from '../knowledge-retriever';
import { chunkMetadata, StoredChunkState } from '../index/sync-plan';

/** A chunk's properties as Weaviate returns them; GraphQL gives null for a property never set. */
export interface ChunkProperties {
  chunkId: string;
  articleId: string;
  position: number;
  title: string;
  url: string | null;
  section: string;
  text: string;
  policyIds: string[] | null;
  updatedAt: string | null;
  contentHash: string;
  embedder: string;
}

/** The GraphQL selection of every chunk property. */
export const CHUNK_FIELDS = 'chunkId articleId position title url section text policyIds updatedAt contentHash embedder';

/** Deterministic, so writing a chunk again replaces its object instead of adding one. */
export function chunkObjectId(chunkId: string): string {
  return generateUuid5(chunkId);
}

export function chunkProperties(chunk: KnowledgeChunk, embedderName: string): Partial<ChunkProperties> {
  return {
    chunkId: chunk.id,
    articleId: chunk.articleId,
    position: chunk.position,
    title: chunk.title,
    section: chunk.section,
    text: chunk.text,
    policyIds: chunk.policyIds,
    contentHash: chunk.contentHash,
    embedder: embedderName,
    // Left out rather than null: a replaced object simply has no value, whatever the server's null handling.
    ...(chunk.url !== undefined ? { url: chunk.url } : {}),
    ...(chunk.updatedAt !== undefined ? { updatedAt: chunk.updatedAt } : {}),
  };
}

/** Every stored object carries a vector: it is written with one or not at all. */
export function storedChunkState(properties: ChunkProperties): StoredChunkState {
  return {
    id: properties.chunkId,
    article_id: properties.articleId,
    content_hash: properties.contentHash,
    embedder: properties.embedder,
    has_embedding: true,
    metadata: chunkMetadata({
      articleId: properties.articleId,
      position: properties.position,
      url: properties.url ?? undefined,
      updatedAt: properties.updatedAt ?? undefined,
      policyIds: properties.policyIds ?? [],
    }),
  };
}

export function chunkPassage(properties: ChunkProperties, score: number): Passage {
  return {
    id: properties.chunkId,
    articleId: properties.articleId,
    title: properties.title,
    url: properties.url ?? undefined,
    section: properties.section ?? '',
    text: properties.text,
    policyIds: properties.policyIds ?? [],
    updatedAt: properties.updatedAt ?? undefined,
    score,
  };
}
