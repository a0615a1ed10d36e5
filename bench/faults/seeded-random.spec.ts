import { SeededRandom as ProductRandom } from '../../apps/agent/src/router/seeded-random';
import { SeededRandom } from './seeded-random';

describe("the bench's seeded random", () => {
  it("is the product's generator: the same seed draws the same numbers", () => {
    const bench = new SeededRandom(42);
    const product = new ProductRandom(42);
    expect(bench).toBeInstanceOf(ProductRandom);
    expect(Array.from({ length: 5 }, () => bench.next())).toEqual(Array.from({ length: 5 }, () => product.next()));
  });

  it('shuffles a copy as the product shuffles in place, and draws within bounds', () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(new SeededRandom(7).shuffled(items)).toEqual(new ProductRandom(7).shuffle([...items]));
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    const random = new SeededRandom(1);
    for (let i = 0; i < 100; i++) {
      const value = random.between(2, 3);
      expect(value >= 2 && value < 3).toBe(true);
      expect(items).toContain(random.pick(items));
    }
  });
});
