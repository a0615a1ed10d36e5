/**
 * Rounds an amount to cents the way τ-bench's Python does (`round(x, 2)`): correctly rounded from the
 * double's exact value, ties (only exact binary halves such as 0.125) to even.
 */
export function roundCents(value: number): number {
  const scaled = value * 100;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && Number.isInteger(value * 8)) return (floor % 2 === 0 ? floor : floor + 1) / 100;
  return Number(value.toFixed(2));
}
