import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysSinceDemoShopToday, shiftDates } from './demo-shop.dates';
import { ShopData } from './shop.model';
import { ShopRepository } from './shop.repository';

/** The fictional shop the product starts with, so a new user has orders to ask about; dated as written. */
export function loadDemoShop(folder = join(__dirname, 'demo-shop')): ShopData {
  const read = (name: string) => JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
  return { users: read('users'), products: read('products'), orders: read('orders') };
}

/**
 * Seeds the demo shop into an empty order store, its dates moved so that it looks written today: a recent
 * delivery stays recent, whenever the product is started. A store that has data is left alone.
 */
export async function seedDemoShop(shop: ShopRepository, now: () => Date = () => new Date()): Promise<boolean> {
  if (!(await shop.isEmpty())) return false;
  await shop.importShop(shiftDates(loadDemoShop(), daysSinceDemoShopToday(now())));
  return true;
}
