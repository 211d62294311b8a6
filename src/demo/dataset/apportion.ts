/**
 * Splits an integer total over units in proportion to weights (largest remainders), never
 * giving a unit more than its cap. The parts always add up to the total exactly, which is
 * how the demo reproduces the published province figures to the unit.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: bad total ${total}`);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (total > 0 && sum <= 0) throw new Error("apportion: no positive weight");
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const cap = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const parts = exact.map((x, i) => Math.min(Math.floor(x), cap(i)));
  let left = total - parts.reduce((a, p) => a + p, 0);
  // Largest fractional parts first; ties by position so the result is deterministic.
  const order = exact
    .map((x, i) => ({ i, fraction: x - Math.floor(x), weight: weights[i] ?? 0 }))
    .filter((o) => o.weight > 0)
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i)
    .map((o) => o.i);
  while (left > 0) {
    const before = left;
    for (const i of order) {
      if (left === 0) break;
      if ((parts[i] ?? 0) < cap(i)) {
        parts[i] = (parts[i] ?? 0) + 1;
        left--;
      }
    }
    if (left === before) throw new Error(`apportion: caps too low for ${total}`);
  }
  return parts;
}
