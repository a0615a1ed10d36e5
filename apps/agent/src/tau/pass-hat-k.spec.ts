import { passHatK } from './pass-hat-k';

describe('passHatK', () => {
  it('is the mean reward for k = 1 and the chance that k drawn trials all pass for larger k', () => {
    const tasks = [
      { trials: 4, successes: 4 },
      { trials: 4, successes: 2 },
      { trials: 4, successes: 0 },
    ];
    expect(passHatK(tasks, 1)).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(passHatK(tasks, 2)).toBeCloseTo((1 + 1 / 6 + 0) / 3);
    expect(passHatK(tasks, 4)).toBeCloseTo(1 / 3);
  });
});
