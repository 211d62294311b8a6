import { formatPeriod, type Period, periodEnd, periodStart } from "../domain/period/index.ts";
import { type FieldIssue, invalid } from "../errors/app-error.ts";
import { MetricCatalogue } from "./catalogue.ts";
import { issueAt, analyticsMessages as msg } from "./messages.ts";
import { expandOu, type ResolvedOuItem } from "./ou.ts";
import type { MetricRow, UnitRow } from "./queries.ts";
import { type DatedTree, type PlacementRow, TreeCache } from "./tree.ts";
import type { AnalyticsQuery, OuItem } from "./types.ts";

/** Cells one request may compute (DHIS2's default analytics cap is 50,000 records). */
export const MAX_CELLS = 50_000;

export interface DateRange {
  start: string;
  end: string;
}

/** One position on the `ou` axis: a column item (one unit), or the whole filter (several). */
export interface OuSlot {
  index: number;
  unitIds: number[];
}

/** One position on the `pe` axis: a column item (one period), or the whole filter. */
export interface PeSlot {
  index: number;
  ids: string[];
  ranges: DateRange[];
  /** The date of `tree`. */
  treeDate: string;
  /** The tree of the slot's last day (or of `asOf`). */
  tree: DatedTree;
  /**
   * Every tree a value of the slot is placed in, by date, `tree` last: the trees of the slot's
   * days in the own-period view, only `tree` in the `asOf` view.
   */
  trees: DatedTree[];
  /** The `ou` slots that exist in one of this slot's trees. */
  ou: OuSlot[];
}

/**
 * Where a value counts (quy tắc gán số liệu). `own-period`, the default: each value in the tree
 * of its own period's last day, so flows add up over periods whatever the tree did. `asOf`: every
 * value in the tree of one chosen day (the restated view, for like-for-like comparison).
 */
export type AnalyticsView = "own-period" | "asOf";

/** Everything needed to read the values and aggregate them, with codes resolved and scope checked. */
export interface Plan {
  query: AnalyticsQuery;
  view: AnalyticsView;
  /** The tree a value of a stored period ending on `periodEnd` counts in (own-period view). */
  treeOf: (periodEnd: string) => DatedTree;
  dx: MetricRow[];
  catalogue: MetricCatalogue;
  pe: PeSlot[];
  /** Unit ids along the `ou` axis, in order (the union over the trees of all periods). */
  ouAxis: number[];
  units: ReadonlyMap<number, UnitRow>;
  /** What a read of raw values must cover (`readUnits` gives the units). */
  read: { metricIds: number[]; ranges: DateRange[] };
  /**
   * Every unit whose values can reach a cell, computed when first asked: a read from roll-ups
   * needs only the named units, and walking 4,000 subtrees costs milliseconds.
   */
  readUnits: () => number[];
}

/**
 * What every plan is built on and that only changes with the data version: the catalogue with its
 * parsed formulas, the units by id and code, and the dated trees (built once per tree shape).
 */
export interface PlanBasis {
  catalogue: MetricCatalogue;
  units: ReadonlyMap<number, UnitRow>;
  unitIds: ReadonlyMap<string, number>;
  trees: TreeCache;
}

export function planBasis(input: {
  metrics: readonly MetricRow[];
  units: readonly UnitRow[];
  /** Every placement, of any date. */
  placements: readonly PlacementRow[];
}): PlanBasis {
  return {
    catalogue: new MetricCatalogue(input.metrics),
    units: new Map(input.units.map((u) => [u.id, u])),
    unitIds: new Map(input.units.map((u) => [u.code, u.id])),
    trees: new TreeCache(input.placements),
  };
}

export interface PlanInput {
  basis: PlanBasis;
  scopeRoots: readonly number[];
}

/** The date of the tree each period is read in: `asOf` if given, else the period's last day. */
export function treeDate(query: AnalyticsQuery, periods: readonly Period[]): string {
  // ISO dates sort as text; a dimension always holds at least one period.
  return query.asOf ?? periods.map(periodEnd).sort().at(-1) ?? "";
}

function resolveCodes(query: AnalyticsQuery, catalogue: MetricCatalogue, idOf: ReadonlyMap<string, number>) {
  const issues: FieldIssue[] = [];
  const dx: MetricRow[] = [];
  for (const code of query.dx.items) {
    const metric = catalogue.get(code);
    if (metric) dx.push(metric);
    else issues.push(issueAt(query.dx.path, msg.unknownMetric(code)));
  }
  const ou: ResolvedOuItem[] = query.ou.items.map((item: OuItem): ResolvedOuItem => {
    if (item.kind !== "unit" && item.kind !== "children") return item;
    const id = idOf.get(item.code);
    if (id === undefined) issues.push(issueAt(query.ou.path, msg.unknownUnit(item.code)));
    // -1 never reaches a tree: an unknown code throws just below.
    return { kind: item.kind, id: id ?? -1 };
  });
  if (issues.length > 0) throw invalid(...issues);
  return { dx, ou };
}

function peGroups(query: AnalyticsQuery): Period[][] {
  return query.pe.filter ? [query.pe.items] : query.pe.items.map((p) => [p]);
}

/**
 * Resolves codes (400 naming the unknown ones), lays out the period and unit axes in the
 * tree of each period (403 for a named unit outside the caller's scope), caps the cells
 * (400), and lists what must be read.
 */
export function buildPlan(query: AnalyticsQuery, input: PlanInput): Plan {
  const { catalogue, units, trees } = input.basis;
  const { dx, ou } = resolveCodes(query, catalogue, input.basis.unitIds);
  const ctx = {
    codeOf: (id: number) => units.get(id)?.code ?? String(id),
    scopeRoots: new Set(input.scopeRoots),
  };
  const view: AnalyticsView = query.asOf === null ? "own-period" : "asOf";
  const expanded = new Map<string, number[]>();
  const treeIds = new Map<DatedTree, number>();
  const treeId = (t: DatedTree): number => {
    const known = treeIds.get(t);
    if (known !== undefined) return known;
    treeIds.set(t, treeIds.size);
    return treeIds.size - 1;
  };
  // Periods of one tree history (60 months of an unchanged tree) share one expansion.
  const unitsIn = (slotTrees: DatedTree[]): number[] => {
    const key = slotTrees.map(treeId).join();
    const ids = expanded.get(key) ?? expandOu(ou, slotTrees, ctx);
    expanded.set(key, ids);
    return ids;
  };
  const ouAxis: number[] = [];
  const axisIndex = new Map<number, number>();
  const pe = peGroups(query).map((periods, index): PeSlot => {
    const date = treeDate(query, periods);
    const tree = trees.treeOn(date);
    const ranges = periods.map((p) => ({ start: periodStart(p), end: periodEnd(p) }));
    const slotTrees = view === "asOf" ? [tree] : treesOf(trees, ranges, tree);
    const unitIds = unitsIn(slotTrees);
    for (const id of unitIds) if (!axisIndex.has(id)) axisIndex.set(id, ouAxis.push(id) - 1);
    const slots = query.ou.filter
      ? [{ index: 0, unitIds }].filter((s) => s.unitIds.length > 0)
      : unitIds.map((id) => ({ index: axisIndex.get(id) ?? 0, unitIds: [id] }));
    return {
      index,
      ids: periods.map(formatPeriod),
      ranges,
      treeDate: date,
      tree,
      trees: slotTrees,
      ou: slots,
    };
  });
  checkCells(query, dx.length * pe.reduce((n, slot) => n + slot.ou.length, 0));
  let unitIds: number[] | undefined;
  const read = { metricIds: catalogue.storedClosure(dx), ranges: pe.flatMap((slot) => slot.ranges) };
  const readUnits = () => {
    unitIds ??= readScope(pe);
    return unitIds;
  };
  const treeOf = (periodEnd: string) => trees.treeOn(periodEnd);
  return { query, view, treeOf, dx, catalogue, pe, ouAxis, units, read, readUnits };
}

/** The trees of every day of the ranges, in date order, the tree of the latest end last. */
function treesOf(trees: TreeCache, ranges: readonly DateRange[], last: DatedTree): DatedTree[] {
  const out: DatedTree[] = [];
  for (const r of [...ranges].sort((a, b) => a.start.localeCompare(b.start)))
    for (const t of trees.treesDuring(r.start, r.end)) if (t !== last && !out.includes(t)) out.push(t);
  out.push(last);
  return out;
}

function checkCells(query: AnalyticsQuery, cells: number): void {
  if (cells <= MAX_CELLS) return;
  throw invalid(
    issueAt(query.columns.length > 0 ? "dimension" : "filter", msg.tooManyCells(cells, MAX_CELLS)),
  );
}

/**
 * The units whose values can reach a cell: every unit below an `ou` slot, in each of that slot's
 * trees. Each tree is walked on its own: a unit may have other children in another tree.
 */
function readScope(pe: readonly PeSlot[]): number[] {
  const roots = new Map<DatedTree, Set<number>>();
  for (const slot of pe) {
    for (const tree of slot.trees) {
      const set = roots.get(tree) ?? new Set<number>();
      for (const ou of slot.ou) for (const id of ou.unitIds) set.add(id);
      roots.set(tree, set);
    }
  }
  const unitIds = new Set<number>();
  for (const [tree, ids] of roots) for (const id of tree.subtree(ids)) unitIds.add(id);
  return [...unitIds];
}
