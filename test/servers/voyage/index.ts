export { type FakeVoyage, FakeVoyageServer, type FakeVoyageOptions, startFakeVoyage } from './fake-voyage.server';
export type { EmbeddingsRequest, FailureStep, RecordedRequest, RerankRequest } from './voyage-wire.types';
export { hashedTextEmbedding } from './hashed-text.embedding';
export { wordOverlapRelevance } from './word-overlap.rerank-scorer';
