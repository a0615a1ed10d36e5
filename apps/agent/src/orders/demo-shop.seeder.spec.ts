import { inMemoryShop } from '../testing/in-memory-shop';
import { DEMO_SHOP_TODAY } from './demo-shop.dates';
import { seedDemoShop } from './demo-shop.seeder';

const EMPTY = { users: {}, products: {}, orders: {} };

/** The demo shop seeded into a fresh store on the given day. */
async function seededOn(day: string) {
  const store = await inMemoryShop(EMPTY);
  await seedDemoShop(store.shop, () => new Date(`${day}T09:30:00Z`));
  return store;
}

describe('seedDemoShop', () => {
  it('keeps the dates as written when seeded on the day the demo shop was written for', async () => {
    const { shop, close } = await seededOn(DEMO_SHOP_TODAY);
    const order = await shop.findOrder('#W9000008');
    expect(order?.fulfillments[0]).toMatchObject({ shipped_at: '2026-11-18', estimated_delivery: '2026-11-23', delivered_at: '2026-11-23' });
    await close();
  });

  it('moves every date of an order by the days since, so a delivery four days old still is', async () => {
    const { shop, close } = await seededOn('2027-03-15');
    const order = await shop.findOrder('#W9000008');
    expect(order?.fulfillments[0]).toMatchObject({ shipped_at: '2027-03-06', estimated_delivery: '2027-03-11', delivered_at: '2027-03-11' });
    await close();
  });
});
