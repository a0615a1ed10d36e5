const DAY_MS = 24 * 60 * 60 * 1000;

/** The shop's rule: a return or exchange starts no more than `days` after the order's last package arrived. */
export interface ReturnWindow {
  days: number;
  now: () => Date;
}

/** When the order's last package arrived; null when nothing was delivered. */
export function lastDelivery(deliveredAt: Array<string | null | undefined>): Date | null {
  const times = deliveredAt.map((at) => (at ? Date.parse(at) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)) : null;
}

export function isWithinReturnWindow(deliveredAt: Array<string | null | undefined>, window: ReturnWindow): boolean {
  const delivered = lastDelivery(deliveredAt);
  return delivered !== null && window.now().getTime() - delivered.getTime() <= window.days * DAY_MS;
}
