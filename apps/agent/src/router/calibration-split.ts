import { IntentExample } from './intent-example';
import { SeededRandom } from './seeded-random';

export interface CalibrationSplit {
  fitting: IntentExample[];
  calibration: IntentExample[];
}

/** Holds out about `share` of each intent's examples (seeded), so every intent is represented in both parts. */
export function splitForCalibration(examples: IntentExample[], share: number, seed: number): CalibrationSplit {
  const byIntent = new Map<string, IntentExample[]>();
  for (const example of examples) byIntent.set(example.intent, [...(byIntent.get(example.intent) ?? []), example]);
  const random = new SeededRandom(seed);
  const split: CalibrationSplit = { fitting: [], calibration: [] };
  for (const intent of [...byIntent.keys()].sort()) {
    const shuffled = random.shuffle([...byIntent.get(intent)!]);
    const heldOut = Math.floor(shuffled.length * share);
    split.calibration.push(...shuffled.slice(0, heldOut));
    split.fitting.push(...shuffled.slice(heldOut));
  }
  return split;
}
