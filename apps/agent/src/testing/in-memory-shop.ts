import { PgliteDatabase, migrate } from '@support/platform';
import { shopMigrations } from '../orders/shop.migrations';
import { ShopData } from '../orders/shop.model';
import { ShopRepository } from '../orders/shop.repository';

/** A shop in a fresh in-memory PGlite, for specs of the order tools. */
export async function inMemoryShop(data: ShopData): Promise<{ shop: ShopRepository; db: PgliteDatabase; close(): Promise<void> }> {
  const db = new PgliteDatabase();
  await migrate(db, shopMigrations);
  const shop = new ShopRepository(db);
  await shop.importShop(data);
  return { shop, db, close: () => db.close() };
}
