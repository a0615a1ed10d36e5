import { SeededRandom as Mulberry32 } from '../../apps/agent/src/router/seeded-random';

/**
 * The product's deterministic generator (the router's mulberry32), so `--seed` replays the same burst
 * and the same kill plan, with the few draws the bench makes.
 */
export class SeededRandom extends Mulberry32 {
  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A shuffled copy; `items` is left as it was. */
  shuffled<T>(items: readonly T[]): T[] {
    return this.shuffle([...items]);
  }
}
