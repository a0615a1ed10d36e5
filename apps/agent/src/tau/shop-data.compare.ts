import { isDeepStrictEqual } from 'node:util';
import { ShopData } from '../orders/shop.model';

/** τ-bench's success test on the database: the same users, products and orders, field for field (list order counts). */
export function sameShopData(a: ShopData, b: ShopData): boolean {
  return isDeepStrictEqual(normalised(a), normalised(b));
}

/** The records of `after` that differ from `before` (or are new), in the same shape; deleted ids are listed. */
export function changedRecords(before: ShopData, after: ShopData): ShopData & { deleted: string[] } {
  const changes: ShopData & { deleted: string[] } = { users: {}, products: {}, orders: {}, deleted: [] };
  for (const table of ['users', 'products', 'orders'] as const) {
    const from = before[table] as Record<string, unknown>;
    const to = after[table] as Record<string, unknown>;
    for (const [id, record] of Object.entries(to)) if (!isDeepStrictEqual(from[id], record)) (changes[table] as Record<string, unknown>)[id] = record;
    for (const id of Object.keys(from)) if (!(id in to)) changes.deleted.push(`${table}/${id}`);
  }
  return changes;
}

/** JSON round trip: key order and `undefined` fields do not count, as in a JSON comparison. */
function normalised(data: ShopData): unknown {
  return JSON.parse(JSON.stringify(data));
}
