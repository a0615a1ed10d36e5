import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ShopData } from '../shop.model';
import { ShopRepository } from '../shop.repository';

const FILES = ['users', 'products', 'orders'] as const;

/** Reads a τ-bench retail database folder (users.json keyed by user id, products.json, orders.json). */
export function readTauRetailDb(folder: string): ShopData {
  const data: Partial<ShopData> = {};
  for (const name of FILES) {
    const path = resolve(join(folder, `${name}.json`));
    if (!existsSync(path)) throw new Error(`${path} not found: a τ-bench retail db folder holds users.json, products.json and orders.json`);
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${path}: expected a JSON object keyed by id`);
    (data as Record<string, unknown>)[name] = parsed;
  }
  return data as ShopData;
}

/**
 * Loads a τ-bench retail database into the order store. With `replace`, the shop tables are emptied
 * first (the demo shop goes); otherwise rows whose id already exists are kept as they are.
 */
export async function importTauRetailDb(
  shop: ShopRepository,
  folder: string,
  options: { replace?: boolean } = {},
): Promise<{ users: number; products: number; orders: number }> {
  const data = readTauRetailDb(folder);
  if (options.replace) await shop.clear();
  return shop.importShop(data);
}
