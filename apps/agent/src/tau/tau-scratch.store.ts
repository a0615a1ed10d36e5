import { Database, migrate, PgDatabase, PgliteDatabase } from '@support/platform';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { shopMigrations } from '../orders/shop.migrations';
import { ShopData } from '../orders/shop.model';
import { ShopRepository } from '../orders/shop.repository';

/**
 * The order store a τ-bench run works on: an in-memory PGlite by default, or a scratch server database.
 * Every task starts from a fresh copy of the τ-bench database, so the store is emptied and reloaded.
 */
export class TauScratchStore {
  readonly shop: ShopRepository;
  readonly retail: RetailOrderService;

  private constructor(readonly db: Database) {
    this.shop = new ShopRepository(db);
    this.retail = new RetailOrderService(this.shop);
  }

  /** `databaseUrl`: a server database the run may wipe; without it, embedded and in memory. */
  static async open(options: { databaseUrl?: string; db?: Database } = {}): Promise<TauScratchStore> {
    const db = options.db ?? (options.databaseUrl ? new PgDatabase(options.databaseUrl, { max: 2 }) : new PgliteDatabase());
    await migrate(db, shopMigrations);
    return new TauScratchStore(db);
  }

  /** Empties the shop and loads `data`: a fresh copy of the database. */
  async reset(data: ShopData): Promise<void> {
    await this.shop.clear();
    await this.shop.importShop(data);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
