import { migrate } from '@support/platform';
import { createServerDatabase } from '../../../test/support/server-database';
import { describeKnowledgeIndexConformance } from '../testing/knowledge-index.conformance';
import { knowledgeMigrations } from './knowledge.migrations';
import { PostgresKnowledgeIndex } from './postgres-knowledge.index';

describe(PostgresKnowledgeIndex.name, () => {
  describe('on a PostgreSQL server without pgvector', () => {
    describeKnowledgeIndexConformance(async () => {
      const server = await createServerDatabase();
      await migrate(server.db, knowledgeMigrations);
      return { db: server.db, close: () => server.drop() };
    });
  });
});
