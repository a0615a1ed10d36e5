/** The day the demo shop was written for: "today" in its orders, which were placed, shipped and delivered before it. */
export const DEMO_SHOP_TODAY = '2026-11-27';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A date, alone ("2026-11-23") or opening a timestamp ("2026-11-23T15:00:00Z"). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?=$|T)/;

/** Whole days from the demo shop's "today" to the given day (UTC): how far its dates move to look current. */
export function daysSinceDemoShopToday(today: Date): number {
  const written = Date.parse(`${DEMO_SHOP_TODAY}T00:00:00Z`);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((now - written) / DAY_MS);
}

/**
 * The data with every date in it, alone or opening a timestamp, moved by whole days; times of day and
 * formats stay as written. Moved together, an order delivered four days before "today" still was, so its
 * return and damage-report windows are as open as the day the data was written.
 */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  if (typeof value === 'string') return value.replace(ISO_DATE, (_, y, m, d) => isoDay(Date.UTC(+y, +m - 1, +d + days))) as T;
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, days)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftDates(item, days)])) as T;
  return value;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
