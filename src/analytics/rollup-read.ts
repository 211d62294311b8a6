/**
 * Answering from roll-ups: a cell of unit U is U's own values (read from data_values, a few
 * rows) plus the `rollups` rows of U, which hold everything strictly below U in the tree as of
 * each stored period's end: the own-period view. When an `asOf` tree is not the stored periods'
 * tree, or a rule needs each unit's own detail, the metric is answered from the raw values
 * instead (see docs/analytics.md).
 */
import { sql } from "drizzle-orm";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { parsedRows } from "../db/rows.ts";
import { exactToNumber, isZeroExact } from "../domain/number/index.ts";
import type { OuSlot, PeSlot, Plan } from "./plan.ts";
import { type MetricRow, periodFilter, type StoredValue } from "./queries.ts";
import { addPartial, contributions, emptyPartial, type Partial } from "./rollup-math.ts";
import { ROLLUP_FIGURES, type RollupRow, rollupRow, storedValue } from "./rollup-rows.ts";

/** How a request is answered when roll-ups are usable. */
export interface RollupRoute {
  /** Stored metrics answered from roll-ups plus the units' own values. */
  rollup: Set<number>;
  /** Stored metrics answered from the raw values (with the original read scope). */
  raw: Set<number>;
  /** Per period slot, the `ou` slots' units with the units below another one of the slot left out. */
  covers: Map<number, Map<number, number[]>>;
}

/**
 * True when every stored period inside the slot rolls up through the slot's own tree: no
 * placement starts or ends between the stored periods' ends and the slot's tree date.
 */
export function slotStable(
  slot: Pick<PeSlot, "ranges">,
  treeDate: string,
  changes: readonly string[],
): boolean {
  const starts = slot.ranges.map((r) => r.start).sort();
  const ends = slot.ranges.map((r) => r.end).sort();
  const lo = [starts[0] ?? treeDate, treeDate].sort()[0] ?? treeDate;
  const hi = [ends.at(-1) ?? treeDate, treeDate].sort()[1] ?? treeDate;
  return !changes.some((c) => lo < c && c <= hi);
}

/** `last` from roll-ups needs one stored period per unit in the cell: a single month. */
function singleMonth(slot: PeSlot): boolean {
  return slot.ids.length === 1 && /^\d{6}$/.test(slot.ids[0] ?? "");
}

/** The slot's units without those lying below another of them (a value must count once). */
function cover(slot: PeSlot, ou: OuSlot): number[] {
  if (ou.unitIds.length === 1) return ou.unitIds;
  const set = new Set(ou.unitIds);
  return ou.unitIds.filter(
    (id) =>
      !slot.tree
        .ancestorsOrSelf(id)
        .slice(1)
        .some((a) => set.has(a)),
  );
}

/**
 * True when roll-ups give the slot's cells. A roll-up row holds its stored period's values in
 * that period's own tree, which is where the own-period view counts them: always, except for a
 * filter of several units in a slot whose tree changed (which of them lies below another then
 * depends on the value's period). The `asOf` view needs the slot's tree to be its periods' trees.
 */
function slotAnswered(plan: Plan, slot: PeSlot, changes: readonly string[]): boolean {
  if (plan.view === "asOf") return slotStable(slot, slot.treeDate, changes);
  return slot.trees.length === 1 || slot.ou.every((ou) => ou.unitIds.length === 1);
}

/**
 * Decides, for a plan on approved data, which metrics come from roll-ups. Null when roll-ups
 * cannot give the raw path's answer at all (see `slotAnswered`).
 */
export function routeRollups(plan: Plan, changes: readonly string[]): RollupRoute | null {
  if (plan.query.includeUnapproved) return null;
  if (!plan.pe.every((slot) => slotAnswered(plan, slot, changes))) return null;
  const rollup = new Set<number>();
  const raw = new Set<number>();
  const allMonths = plan.pe.every(singleMonth);
  const byId = new Map<number, MetricRow>();
  for (const m of plan.catalogue.all()) byId.set(m.id, m);
  for (const id of plan.read.metricIds) {
    const m = byId.get(id);
    if (m?.aggregation === "last" && !allMonths) raw.add(id);
    else rollup.add(id);
  }
  const covers = new Map<number, Map<number, number[]>>();
  for (const slot of plan.pe)
    covers.set(slot.index, new Map(slot.ou.map((ou) => [ou.index, cover(slot, ou)])));
  return { rollup, raw, covers };
}

/** The roll-up rows of these metrics for these units inside the ranges (one indexed read). */
export function loadRollups(
  conn: Conn,
  filter: { metricIds: number[]; unitIds: number[]; ranges: { start: string; end: string }[] },
): Promise<RollupRow[]> {
  if (filter.metricIds.length === 0 || filter.unitIds.length === 0 || filter.ranges.length === 0)
    return Promise.resolve([]);
  const { within, first, last } = periodFilter(filter.ranges, "r");
  return parsedRows(
    conn,
    rollupRow,
    sql`select metric_id as "metricId", unit_id as "unitId", period, period_start::text as "periodStart",
               period_end::text as "periodEnd", ${sql.raw(ROLLUP_FIGURES)}
        from rollups r
        where metric_id = any(${intArray(filter.metricIds)}::int[])
          and unit_id = any(${intArray(filter.unitIds)}::int[])
          and period_start between ${first}::date and ${last}::date
          and (${within})`,
  );
}

/**
 * The cover units' own approved values (one per metric, unit and period, as `loadValues` picks
 * them), found through their reports: a few reports per unit, then each report's metrics. The
 * reports are looked up unit by unit (a lateral subquery that `offset 0` keeps from being
 * flattened): for hundreds of units the planner otherwise scans every report of the table
 * (150 ms for the 850 units at level 3 nationally, 50 ms this way). Ordered by unit and period,
 * so that each (unit, period) slice is one run of rows.
 */
export function loadOwnValues(
  conn: Conn,
  filter: { metricIds: number[]; unitIds: number[]; ranges: { start: string; end: string }[] },
): Promise<StoredValue[]> {
  if (filter.metricIds.length === 0 || filter.unitIds.length === 0 || filter.ranges.length === 0)
    return Promise.resolve([]);
  const { within, first, last } = periodFilter(filter.ranges, "s");
  return parsedRows(
    conn,
    storedValue,
    sql`select distinct on (dv.unit_id, dv.period, dv.metric_id)
               dv.metric_id as "metricId", dv.unit_id as "unitId", dv.period,
               dv.period_start::text as "periodStart", dv.period_end::text as "periodEnd", dv.value
        from unnest(${intArray(filter.unitIds)}::int[]) as u(id)
        cross join lateral (
          select s.id from submissions s
          where s.unit_id = u.id and s.status = 'approved'
            and s.period_start between ${first}::date and ${last}::date and (${within})
          offset 0) s
        join data_values dv on dv.submission_id = s.id
        where dv.metric_id = any(${intArray(filter.metricIds)}::int[])
          and dv.value is not null
          and dv.value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)
        order by dv.unit_id, dv.period, dv.metric_id, dv.updated_at desc, dv.submission_id desc`,
  );
}

/** Every unit a cover names: the units whose own values and roll-ups are read. */
export function coverUnits(route: RollupRoute): number[] {
  const ids = new Set<number>();
  for (const slots of route.covers.values())
    for (const units of slots.values()) for (const id of units) ids.add(id);
  return [...ids];
}

const cellKey = (metricId: number, pe: number, ou: number) => `${metricId}|${pe}|${ou}`;

/**
 * The stored metrics' cells from roll-up rows and the cover units' own values. `stored` returns
 * undefined for a metric it does not answer (the engine then uses the raw values).
 */
export class RollupSource {
  private readonly partials = new Map<string, Partial>();
  /** metric|unit|period → the unit's own value, for the metrics aggregated by `none`. */
  private readonly own = new Map<string, number>();
  /** unit → the (pe, ou) slots whose cover holds it. */
  private readonly slotsOf = new Map<number, { slot: PeSlot; ou: number }[]>();

  /** `ownValues` come ordered by unit and period, as `loadOwnValues` reads them. */
  constructor(
    plan: Plan,
    private readonly route: RollupRoute,
    rows: readonly RollupRow[],
    ownValues: readonly StoredValue[],
  ) {
    for (const slot of plan.pe) {
      for (const [ou, units] of route.covers.get(slot.index) ?? []) {
        for (const id of units) {
          const list = this.slotsOf.get(id) ?? [];
          list.push({ slot, ou });
          this.slotsOf.set(id, list);
        }
      }
    }
    for (const r of rows) this.place(r.metricId, r, r);
    const weights = new Map<number, number>();
    const single = new Set<number>();
    for (const m of plan.catalogue.all()) {
      if (m.weightMetricId !== null) weights.set(m.id, m.weightMetricId);
      if (m.aggregation === "none") single.add(m.id);
    }
    // One (unit, period) slice at a time: its values together give the weighted contributions.
    const slice = new Map<number, number>();
    for (const [i, v] of ownValues.entries()) {
      // In the own-period view a value counts in its period's tree: nowhere if its unit was not in it yet.
      if (plan.view === "own-period" && !plan.treeOf(v.periodEnd).node(v.unitId)) continue;
      if (single.has(v.metricId)) this.own.set(`${v.metricId}|${v.unitId}|${v.period}`, v.value);
      slice.set(v.metricId, v.value);
      const next = ownValues[i + 1];
      if (next && next.unitId === v.unitId && next.period === v.period) continue;
      for (const [metricId, p] of contributions(slice, weights)) this.place(metricId, v, p);
      slice.clear();
    }
  }

  /** Adds a unit's partial for one stored period to every cell whose cover and period hold it. */
  private place(
    metricId: number,
    at: { unitId: number; periodStart: string; periodEnd: string },
    p: Partial,
  ): void {
    for (const { slot, ou } of this.slotsOf.get(at.unitId) ?? []) {
      if (!within(slot, at.periodStart, at.periodEnd)) continue;
      const key = cellKey(metricId, slot.index, ou);
      let into = this.partials.get(key);
      if (!into) {
        into = emptyPartial();
        this.partials.set(key, into);
      }
      addPartial(into, p);
    }
  }

  stored(metric: MetricRow, pe: PeSlot, ou: OuSlot): number | null | undefined {
    if (!this.route.rollup.has(metric.id)) return undefined;
    if (metric.aggregation === "none") {
      const [unitId] = ou.unitIds;
      if (pe.ids.length !== 1 || ou.unitIds.length !== 1) return null;
      return this.own.get(`${metric.id}|${unitId}|${pe.ids[0]}`) ?? null;
    }
    const p = this.partials.get(cellKey(metric.id, pe.index, ou.index));
    if (!p) return null;
    return finite(cellValue(metric, p));
  }
}

function within(slot: PeSlot, start: string, end: string): boolean {
  for (const r of slot.ranges) if (r.start <= start && end <= r.end) return true;
  return false;
}

function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/**
 * The engine's rules (src/domain/aggregation) on pre-aggregated columns. The sums are exact, so
 * a weight sum is zero exactly when the weights are, and each figure is rounded once, here.
 */
export function cellValue(
  metric: Pick<MetricRow, "aggregation" | "weightMetricId">,
  p: Partial,
): number | null {
  switch (metric.aggregation) {
    case "sum":
    case "last":
      return p.valueCount > 0 ? exactToNumber(p.valueSum) : null;
    case "average":
      if (metric.weightMetricId === null)
        return p.valueCount > 0 ? exactToNumber(p.valueSum) / p.valueCount : null;
      if (p.negativeWeights > 0 || p.weightedCount === 0 || isZeroExact(p.weightSum)) return null;
      return exactToNumber(p.weightedSum) / exactToNumber(p.weightSum);
    default:
      return null;
  }
}
