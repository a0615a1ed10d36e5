import { createEmbeddedTestDatabase } from '../testing/embedded-test.database';
import { describeKnowledgeIndexConformance } from '../testing/knowledge-index.conformance';
import { PostgresKnowledgeIndex } from './postgres-knowledge.index';

describe(PostgresKnowledgeIndex.name, () => {
  describe('on PGlite with pgvector', () => {
    describeKnowledgeIndexConformance(createEmbeddedTestDatabase);
  });
});
