import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from '@support/platform';
import { AGENT_MIGRATIONS } from '../../apps/agent/src/agent.migrations';
import { importTauRetailDb, readTauRetailDb } from '../../apps/agent/src/orders/retail/tau-retail.importer';
import { ShopRepository } from '../../apps/agent/src/orders/shop.repository';
import { changedRecords } from '../../apps/agent/src/tau/shop-data.compare';
import { replayTask } from '../../apps/agent/src/tau/tau-replay';
import { TauScratchStore } from '../../apps/agent/src/tau/tau-scratch.store';
import { readTauTasks } from '../../apps/agent/src/tau/tau-task';
import { RETAIL_TOOL_DEFINITIONS } from '../../apps/agent/src/tools/retail-tool.definitions';
import { createServerDatabase } from '../support/server-database';

const DATASET = resolve(__dirname, '../../../shared/datasets/tau-bench-retail');

describe('τ-bench retail on the product order store', () => {
  const db = readTauRetailDb(join(DATASET, 'db'));

  it('offers the model exactly the 16 τ-bench retail tools with their published parameters', () => {
    const published = JSON.parse(readFileSync(join(DATASET, 'tools.json'), 'utf8')) as Array<{ function: { name: string; parameters: unknown } }>;
    expect(RETAIL_TOOL_DEFINITIONS.map((t) => [t.name, t.input_schema])).toEqual(published.map((t) => [t.function.name, t.function.parameters]));
  });

  it('imports the τ-bench database into the Postgres server and gives it back unchanged', async () => {
    const server = await createServerDatabase();
    try {
      await migrate(server.db, AGENT_MIGRATIONS);
      const shop = new ShopRepository(server.db);
      expect(await importTauRetailDb(shop, join(DATASET, 'db'))).toEqual({ users: 500, products: 50, orders: 1000 });
      expect(await shop.exportShop()).toEqual(db);
    } finally {
      await server.drop();
    }
  }, 120_000);

  describe('replay of the gold actions', () => {
    let store: TauScratchStore;
    beforeAll(async () => {
      store = await TauScratchStore.open();
    });
    afterAll(() => store.close());

    it('replays every dev task without a refusal', async () => {
      const refused: string[] = [];
      for (const task of readTauTasks(join(DATASET, 'tasks_dev.jsonl'))) {
        const replay = await replayTask(store, db, task);
        for (const action of replay.actions) if (!action.ok) refused.push(`${task.id} ${action.name} ${JSON.stringify(action.result)}`);
      }
      expect(refused).toEqual([]);
    }, 180_000);

    it('cancels a credit-card order with a refund record and leaves the rest of the database as it was', async () => {
      const task = readTauTasks(join(DATASET, 'tasks_dev.jsonl')).find((t) => t.id === 'retail-dev-000')!;
      const replay = await replayTask(store, db, task);
      const changes = changedRecords(db, replay.finalDb);
      expect(Object.keys(changes.orders)).toEqual(['#W5442520']);
      expect(changes.users).toEqual({});
      expect(changes.orders['#W5442520']).toEqual({
        ...db.orders['#W5442520'],
        status: 'cancelled',
        cancel_reason: 'no longer needed',
        payment_history: [...db.orders['#W5442520'].payment_history, { transaction_type: 'refund', amount: 663.85, payment_method_id: 'credit_card_9753331' }],
      });
    }, 60_000);

    it('refuses a gold action that would overdraw a gift card, as the policy says (train task 024)', async () => {
      const task = readTauTasks(join(DATASET, 'tasks_train.jsonl')).find((t) => t.id === 'retail-train-024')!;
      const replay = await replayTask(store, db, task);
      const refused = replay.actions.filter((a) => !a.ok);
      expect(refused).toEqual([
        expect.objectContaining({ name: 'modify_pending_order_payment', result: expect.objectContaining({ error: 'insufficient_balance' }) }),
      ]);
    }, 60_000);
  });
});
