import { SeededRandom } from './seeded-random';

export const FAULT_TARGETS = ['gateway', 'agent worker', 'redis', 'postgres', 'dovecot'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

/** One kill -9: what, when (seconds into the burst), and how long it stays down before it is started again. */
export interface PlannedFault {
  target: FaultTarget;
  atS: number;
  pauseMs: number;
}

/**
 * `kills` kills at random moments of the burst, each target in turn (in a shuffled order, so with 5 or more
 * kills every target dies at least once and none more than once above the others), each down 0.5-3 s.
 */
export function planFaults(kills: number, durationS: number, targets: readonly FaultTarget[], random: SeededRandom): PlannedFault[] {
  const order: FaultTarget[] = [];
  while (order.length < kills) order.push(...random.shuffled(targets));
  const times = Array.from({ length: kills }, () => random.between(0.05, 0.95) * durationS).sort((a, b) => a - b);
  return times.map((atS, i) => ({ target: order[i], atS, pauseMs: Math.round(random.between(500, 3_000)) }));
}
