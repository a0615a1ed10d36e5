import { createEmbeddedTestDatabase } from '../testing/embedded-test.database';
import { describeKnowledgeIndexConformance } from '../testing/knowledge-index.conformance';
import { PostgresKnowledgeIndex } from './postgres-knowledge.index';

describe(PostgresKnowledgeIndex.name, () => {
  describe('on PGlite with pgvector, a small help center scanned in process', () => {
    describeKnowledgeIndexConformance(createEmbeddedTestDatabase);
  });

  describe("on PGlite with pgvector, searched through pgvector's HNSW index", () => {
    describeKnowledgeIndexConformance(createEmbeddedTestDatabase, { maxScannedChunks: 0 });
  });
});
