/**
 * The pure arithmetic of roll-ups (số liệu tổng hợp sẵn): which stored value counts for a metric,
 * unit and period, what it contributes to its ancestors, and how contributions add up. The
 * engine's rules (src/domain/aggregation) are reproduced column by column, so a cell computed from
 * roll-ups equals the cell computed from the raw values. Sums are exact decimals (`numeric` in
 * the table): approving and reopening a report any number of times leaves no residue.
 */
import { addExact, type Exact, exactOf, isZeroExact, mulExact, ZERO } from "../domain/number/index.ts";

/** Pre-aggregated values of one metric over some units and one stored period. */
export interface Partial {
  /** Σ value and the number of values. */
  valueSum: Exact;
  valueCount: number;
  /** Weighted average: Σ value·weight and Σ weight over the values that have a weight. */
  weightedSum: Exact;
  weightSum: Exact;
  weightedCount: number;
  /** Weights below zero: the engine refuses the whole cell. */
  negativeWeights: number;
}

export const emptyPartial = (): Partial => ({
  valueSum: ZERO,
  valueCount: 0,
  weightedSum: ZERO,
  weightSum: ZERO,
  weightedCount: 0,
  negativeWeights: 0,
});

/** `into += sign × p`. */
export function addPartial(into: Partial, p: Partial, sign = 1): void {
  into.valueSum = addExact(into.valueSum, p.valueSum, sign);
  into.valueCount += sign * p.valueCount;
  into.weightedSum = addExact(into.weightedSum, p.weightedSum, sign);
  into.weightSum = addExact(into.weightSum, p.weightSum, sign);
  into.weightedCount += sign * p.weightedCount;
  into.negativeWeights += sign * p.negativeWeights;
}

/** True when adding it changes nothing (no counts moved, no sums moved). */
export function isZero(p: Partial): boolean {
  return (
    p.valueCount === 0 &&
    p.weightedCount === 0 &&
    p.negativeWeights === 0 &&
    isZeroExact(p.valueSum) &&
    isZeroExact(p.weightedSum) &&
    isZeroExact(p.weightSum)
  );
}

/** One stored value of a (unit, period) slice, with what decides whether and which one counts. */
export interface SliceValue {
  metricId: number;
  submissionId: number;
  value: number | null;
  /** Seconds since the epoch of the value's last change. */
  updatedAt: number;
}

/**
 * One value per metric among the values of counted reports: finite values only, then the one
 * changed last, then the highest report id (the order of `loadValues`).
 */
export function effectiveValues(
  values: readonly SliceValue[],
  counted: (submissionId: number) => boolean,
): Map<number, number> {
  const best = new Map<number, SliceValue>();
  for (const v of values) {
    if (v.value === null || !Number.isFinite(v.value) || !counted(v.submissionId)) continue;
    const current = best.get(v.metricId);
    if (
      !current ||
      v.updatedAt > current.updatedAt ||
      (v.updatedAt === current.updatedAt && v.submissionId > current.submissionId)
    ) {
      best.set(v.metricId, v);
    }
  }
  return new Map([...best].map(([metric, v]) => [metric, v.value as number]));
}

function partOf(out: Map<number, Partial>, metric: number): Partial {
  let p = out.get(metric);
  if (!p) {
    p = emptyPartial();
    out.set(metric, p);
  }
  return p;
}

/**
 * What one unit's values for one period contribute, per metric. A metric with a weight metric
 * also gets Σv·w and Σw from the weight stored for the same unit and period (whatever the
 * metric's rule: only `average` reads them). A negative weight is noted even without a value,
 * as the engine checks every weight in the cell.
 */
export function contributions(
  effective: ReadonlyMap<number, number>,
  weightOf: ReadonlyMap<number, number>,
): Map<number, Partial> {
  const out = new Map<number, Partial>();
  for (const [metric, value] of effective) {
    const p = partOf(out, metric);
    p.valueSum = addExact(p.valueSum, exactOf(value));
    p.valueCount += 1;
  }
  for (const [metric, weightMetric] of weightOf) {
    const w = effective.get(weightMetric);
    if (w === undefined) continue;
    if (w < 0) {
      partOf(out, metric).negativeWeights += 1;
      continue;
    }
    const value = effective.get(metric);
    if (value === undefined) continue;
    const p = partOf(out, metric);
    p.weightedSum = addExact(p.weightedSum, mulExact(exactOf(value), exactOf(w)));
    p.weightSum = addExact(p.weightSum, exactOf(w));
    p.weightedCount += 1;
  }
  return out;
}

/** after − before, metric by metric, leaving out metrics whose contribution did not change. */
export function difference(
  before: ReadonlyMap<number, Partial>,
  after: ReadonlyMap<number, Partial>,
): Map<number, Partial> {
  const out = new Map<number, Partial>();
  for (const metric of new Set([...before.keys(), ...after.keys()])) {
    const d = emptyPartial();
    const a = after.get(metric);
    const b = before.get(metric);
    if (a) addPartial(d, a);
    if (b) addPartial(d, b, -1);
    if (!isZero(d)) out.set(metric, d);
  }
  return out;
}

/** The key of one roll-up row; the rows are locked and written in this key's order. */
export interface RollupKey {
  metricId: number;
  unitId: number;
  periodStart: string;
  period: string;
  periodEnd: string;
}

export function compareKeys(a: RollupKey, b: RollupKey): number {
  return (
    a.metricId - b.metricId ||
    a.unitId - b.unitId ||
    (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0) ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)
  );
}

/** Sums partials per roll-up row. */
export class RollupDeltas {
  private readonly rows = new Map<string, { key: RollupKey; partial: Partial }>();

  add(key: RollupKey, p: Partial, sign = 1): void {
    const id = `${key.metricId}|${key.unitId}|${key.periodStart}|${key.period}`;
    let row = this.rows.get(id);
    if (!row) {
      row = { key, partial: emptyPartial() };
      this.rows.set(id, row);
    }
    addPartial(row.partial, p, sign);
  }

  get size(): number {
    return this.rows.size;
  }

  /** The rows that change something, in key order (the fixed lock order). */
  sorted(): { key: RollupKey; partial: Partial }[] {
    return [...this.rows.values()]
      .filter((r) => !isZero(r.partial))
      .sort((a, b) => compareKeys(a.key, b.key));
  }
}
