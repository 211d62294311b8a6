import {
  AggregationError,
  aggregate,
  aggregateFormula,
  type RecordAggregation,
} from "../domain/aggregation/index.ts";
import { referencedMetrics } from "../domain/expression/index.ts";
import type { OuSlot, PeSlot, Plan } from "./plan.ts";
import type { MetricRow, StoredValue } from "./queries.ts";

/** One computed figure: indexes into the plan's dx list, pe axis and ou axis. */
export interface Cell {
  dx: number;
  pe: number;
  ou: number;
  value: number;
}

function within(v: StoredValue, slot: PeSlot): boolean {
  return slot.ranges.some((r) => r.start <= v.periodStart && v.periodEnd <= r.end);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** For each period slot: which `ou` slots a reporting unit's figures roll up into. */
function routesOf(slot: PeSlot): Map<number, number[]> {
  const routes = new Map<number, number[]>();
  for (const ou of slot.ou) for (const id of ou.unitIds) pushTo(routes, id, ou.index);
  return routes;
}

const bucketKey = (metricId: number, pe: number, ou: number) => `${metricId}|${pe}|${ou}`;
/** The bucket of a stock (`last`): each unit's latest value in the slot only. */
const latestKey = (metricId: number, pe: number, ou: number) => `L|${metricId}|${pe}|${ou}`;

/** True when `a` is a later value of its unit than `b`: it ends later, or ends together and is shorter. */
function later(a: StoredValue, b: StoredValue): boolean {
  return a.periodEnd > b.periodEnd || (a.periodEnd === b.periodEnd && a.periodStart > b.periodStart);
}

/**
 * Sorts every value into the cells it belongs to: each period slot that contains its period,
 * and each `ou` slot that is the reporting unit or one of its ancestors in the tree the value
 * counts in (its own period's tree by default, the slot's `asOf` tree otherwise). A value is put
 * in a cell once, however many filter items reach it. A stock's cells also get, per unit, only
 * its latest value in the slot, placed where the unit stood at that value.
 */
function bucketValues(plan: Plan, values: readonly StoredValue[]): Map<string, StoredValue[]> {
  const buckets = new Map<string, StoredValue[]>();
  const routes = plan.pe.map(routesOf);
  const stocks = new Set(plan.catalogue.all().flatMap((m) => (m.aggregation === "last" ? [m.id] : [])));
  const latest = new Map<string, { v: StoredValue; slot: number }>();
  const place = (v: StoredValue, i: number, key: typeof bucketKey) => {
    const slot = plan.pe[i];
    if (!slot) return;
    const tree = plan.view === "asOf" ? slot.tree : plan.treeOf(v.periodEnd);
    const hits = new Set<number>();
    for (const unit of tree.ancestorsOrSelf(v.unitId))
      for (const ou of routes[i]?.get(unit) ?? []) hits.add(ou);
    for (const ou of hits) pushTo(buckets, key(v.metricId, slot.index, ou), v);
  };
  for (const v of values) {
    plan.pe.forEach((slot, i) => {
      if (!within(v, slot)) return;
      place(v, i, bucketKey);
      if (!stocks.has(v.metricId)) return;
      const id = `${v.metricId}|${v.unitId}|${i}`;
      const known = latest.get(id);
      if (!known || later(v, known.v)) latest.set(id, { v, slot: i });
    });
  }
  for (const { v, slot } of latest.values()) place(v, slot, latestKey);
  return buckets;
}

/**
 * Cells of stored metrics computed elsewhere (from roll-ups); undefined for a metric it does not
 * answer, which is then aggregated from the raw values.
 */
export interface StoredSource {
  stored(metric: MetricRow, pe: PeSlot, ou: OuSlot): number | null | undefined;
}

/** Computes each metric in each cell, memoised, formulas from their referenced metrics' results. */
class CellEvaluator {
  private readonly memo = new Map<string, number | null>();
  private readonly buckets: Map<string, StoredValue[]>;

  constructor(
    private readonly plan: Plan,
    values: readonly StoredValue[],
    private readonly source?: StoredSource,
  ) {
    this.buckets = bucketValues(plan, values);
  }

  valueOf(
    metric: MetricRow,
    pe: PeSlot,
    ou: OuSlot,
    visiting: ReadonlySet<number> = new Set(),
  ): number | null {
    const key = bucketKey(metric.id, pe.index, ou.index);
    if (!this.memo.has(key)) {
      this.memo.set(
        key,
        metric.aggregation === "formula"
          ? this.formula(metric, pe, ou, visiting)
          : this.stored(metric, key, pe, ou),
      );
    }
    return this.memo.get(key) ?? null;
  }

  /** A stored metric with its own rule; a weighted average reads its weights from the same cell. */
  private stored(metric: MetricRow, key: string, pe: PeSlot, ou: OuSlot): number | null {
    const precomputed = this.source?.stored(metric, pe, ou);
    if (precomputed !== undefined) return precomputed;
    const rule = metric.aggregation as RecordAggregation;
    const values =
      (rule === "last"
        ? this.buckets.get(latestKey(metric.id, pe.index, ou.index))
        : this.buckets.get(key)) ?? [];
    const weightId = rule === "average" ? metric.weightMetricId : null;
    const options =
      weightId === null ? {} : { weights: this.buckets.get(bucketKey(weightId, pe.index, ou.index)) ?? [] };
    try {
      return aggregate(rule, rule === "none" ? exactly(values, pe, ou) : values, options);
    } catch (error) {
      // Data the write path should never store (a negative weight): no figure rather than a 500.
      if (error instanceof AggregationError) return null;
      throw error;
    }
  }

  /** After aggregation: the expression over each referenced metric's own aggregate in this cell. */
  private formula(metric: MetricRow, pe: PeSlot, ou: OuSlot, visiting: ReadonlySet<number>): number | null {
    const ast = this.plan.catalogue.formula(metric);
    // A formula that reaches itself has no value rather than looping.
    if (!ast || visiting.has(metric.id)) return null;
    const inner = new Set([...visiting, metric.id]);
    const parts = new Map<string, number | null>();
    for (const code of referencedMetrics(ast)) {
      const ref = this.plan.catalogue.get(code);
      parts.set(code, ref ? this.valueOf(ref, pe, ou, inner) : null);
    }
    return aggregateFormula(ast, parts);
  }
}

/** `none` does not roll up: only the value stored for exactly this unit and this period. */
function exactly(values: readonly StoredValue[], pe: PeSlot, ou: OuSlot): StoredValue[] {
  const [period] = pe.ids;
  const [unitId] = ou.unitIds;
  if (pe.ids.length !== 1 || ou.unitIds.length !== 1) return [];
  return values.filter((v) => v.unitId === unitId && v.period === period);
}

/** Every cell of the plan that has a value, for the requested metrics. */
export function computeCells(plan: Plan, values: readonly StoredValue[], source?: StoredSource): Cell[] {
  const evaluator = new CellEvaluator(plan, values, source);
  const cells: Cell[] = [];
  plan.dx.forEach((metric, dx) => {
    for (const pe of plan.pe) {
      for (const ou of pe.ou) {
        const value = evaluator.valueOf(metric, pe, ou);
        if (value !== null) cells.push({ dx, pe: pe.index, ou: ou.index, value });
      }
    }
  });
  return cells;
}
