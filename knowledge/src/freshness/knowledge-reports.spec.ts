import { conversationMigrations } from '@support/conversation';
import { migrate, PgliteDatabase } from '@support/platform';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { knowledgeMigrations } from '../index/knowledge.migrations';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { anArticle } from '../testing/article.builder';
import { findRetrievalMisses } from './retrieval-misses.report';
import { findStaleArticles } from './stale-articles.report';

describe('knowledge reports', () => {
  let db: PgliteDatabase;
  const now = new Date('2026-11-27T12:00:00Z');

  beforeAll(async () => {
    db = new PgliteDatabase();
    await migrate(db, [...conversationMigrations, ...knowledgeMigrations]);
  }, 30_000);
  afterAll(() => db.close());

  describe(findStaleArticles.name, () => {
    beforeAll(() =>
      new PostgresKnowledgeIndex(db, new HashingEmbedder()).sync([
        anArticle().withId('fresh').withTitle('Fresh').withUpdatedAt('2026-11-01').build(),
        anArticle().withId('old').withTitle('Old').withUpdatedAt('2025-01-10').withBody('## A\n\none\n\n## B\n\ntwo').build(),
        anArticle().withId('older').withTitle('Older').withUpdatedAt('2024-03-01').build(),
        anArticle().withId('undated').withTitle('Undated').build(),
      ]),
    );

    it('lists articles not updated for the given days, oldest first, undated last, each once', async () => {
      const stale = await findStaleArticles(db, { days: 180, now });

      expect(stale.map((a) => [a.articleId, a.ageDays])).toEqual([
        ['older', 1001],
        ['old', 686],
        ['undated', undefined],
      ]);
    });
  });

  describe(findRetrievalMisses.name, () => {
    let turn = 0;
    async function askedAndRetrieved(text: string, scores: number[], options: { daysAgo?: number; route?: string } = {}) {
      turn++;
      const at = new Date(now.getTime() - (options.daysAgo ?? 1) * 86_400_000).toISOString();
      await db.query(`INSERT INTO customers (id) VALUES ($1) ON CONFLICT DO NOTHING`, ['cus_1']);
      await db.query(`INSERT INTO conversations (id, customer_id, channel) VALUES ($1, 'cus_1', 'web') ON CONFLICT DO NOTHING`, ['con_1']);
      await db.query(`INSERT INTO messages (id, conversation_id, channel, direction, author, text) VALUES ($1, 'con_1', 'web', 'inbound', 'customer', $2)`, [
        `msg_${turn}`,
        text,
      ]);
      await db.query(
        `INSERT INTO agent_turns (id, conversation_id, message_id, route, intent, intent_confidence, passages, gate_decision, created_at)
         VALUES ($1, 'con_1', $2, $3, 'faq', 0.9, $4, 'reply', $5)`,
        [
          `turn_${turn}`,
          `msg_${turn}`,
          options.route ?? 'faq',
          JSON.stringify(scores.map((score, i) => ({ id: `c${i}`, title: 't', score, policyIds: [] }))),
          at,
        ],
      );
    }

    beforeAll(async () => {
      await askedAndRetrieved('Do you have a store in Paris?', [0.2, 0.1]);
      await askedAndRetrieved('do you have a store in paris', [0.25]);
      await askedAndRetrieved('Do you have a STORE in Paris!!', []);
      await askedAndRetrieved('Can I pay with bitcoin?', [0.3]);
      await askedAndRetrieved('How do I return an item?', [0.8, 0.3]);
      await askedAndRetrieved('I want a person', [], { route: 'human_request' });
      await askedAndRetrieved('Is there a loyalty programme?', [0.1], { daysAgo: 90 });
    });

    it('lists unanswered questions grouped by their normalised text, most frequent first', async () => {
      const misses = await findRetrievalMisses(db, { days: 30, minScore: 0.4, now });

      expect(misses.map((m) => [m.question, m.count, m.bestScore])).toEqual([
        ['do you have a store in paris', 3, 0.25],
        ['can i pay with bitcoin', 1, 0.3],
      ]);
      expect(misses[0].example).toBe('Do you have a STORE in Paris!!');
    });

    it('reaches further back when asked for more days', async () => {
      const misses = await findRetrievalMisses(db, { days: 120, minScore: 0.4, now });

      expect(misses.map((m) => m.question)).toContain('is there a loyalty programme');
    });
  });
});
