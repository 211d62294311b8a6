/**
 * Roll-up maintenance (cập nhật số liệu tổng hợp sẵn). Every write that changes which values are
 * approved calls one of these in its own transaction, so analytics sees the change the moment it
 * commits and a crash leaves both or neither:
 *
 * - `applyRollups(tx, submissionIds, +1)` after reports became approved (approve, approved bulk load);
 * - `applyRollups(tx, submissionIds, -1)` after approved reports left that status (reopen);
 * - `realignRollups(tx, placementsBefore)` after a dated change of the unit tree (move, close);
 * - `rebuildRollups(conn)` recomputes everything from data_values (`chiso rollups rebuild`).
 *
 * Two servers writing at once: the (unit, period) slices touched are serialised by advisory locks
 * taken in ascending order, and the roll-up rows are upserted in key order, so two transactions
 * never wait on each other in a cycle.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { loadPlacements } from "./queries.ts";
import {
  contributions,
  difference,
  effectiveValues,
  type Partial,
  RollupDeltas,
  type RollupKey,
  type SliceValue,
} from "./rollup-math.ts";
import { type DatedTree, type PlacementRow, TreeCache } from "./tree.ts";

/** Advisory lock namespace of roll-up slices, and the number of buckets slices hash into. */
const LOCK_CLASS = 727_001;
const LOCK_BUCKETS = 256;
/** (unit, period) slices whose values are read at once (bounds memory in a bulk load of millions). */
const SLICE_CHUNK = 2_000;
/** Units whose values are read at once by a rebuild. */
const UNIT_CHUNK = 150;
/** Roll-up rows per upsert statement. */
const UPSERT_CHUNK = 2_000;
const FAR_FUTURE = "9999-12-31";

const intArray = (ids: Iterable<number>) => `{${[...ids].join(",")}}`;
const textArray = (items: Iterable<string>) => `{${[...items].join(",")}}`;
const floatArray = (items: Iterable<number>) => `{${[...items].map((n) => String(n)).join(",")}}`;

/** True when the roll-ups reflect data_values (false on an old database until it is backfilled). */
export async function rollupsBuilt(conn: Conn, lock: "share" | "none" = "none"): Promise<boolean> {
  const rows = await queryRows<{ built: boolean }>(
    conn,
    lock === "share"
      ? sql`select built from rollup_state where id = 1 for share`
      : sql`select built from rollup_state where id = 1`,
  );
  return rows[0]?.built === true;
}

function allPlacements(conn: Conn): Promise<PlacementRow[]> {
  return loadPlacements(conn, FAR_FUTURE);
}

/**
 * Array parameters make the planner's row estimates huge, and JIT-compiling those queries costs
 * more than running them (seconds on a busy 2-core machine): off for this transaction.
 */
async function noJit(tx: Conn): Promise<void> {
  await tx.execute(sql`set local jit = off`);
}

/** Σ of the slice hashes' buckets, locked in ascending order (the same order in every server). */
async function lockSlices(tx: Conn, slices: { unitId: number; period: string }[]): Promise<void> {
  const buckets = new Set<number>();
  for (const s of slices) buckets.add(bucketOf(s.unitId, s.period));
  if (buckets.size === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_CLASS}, b)
        from (select b from unnest(${intArray([...buckets].sort((a, b) => a - b))}::int[]) as t(b) order by b) s`,
  );
}

function bucketOf(unitId: number, period: string): number {
  let h = unitId * 31;
  for (let i = 0; i < period.length; i++) h = (h * 31 + period.charCodeAt(i)) | 0;
  return Math.abs(h) % LOCK_BUCKETS;
}

interface SliceRow extends SliceValue {
  unitId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  approved: boolean;
}

const sliceColumns = sql`dv.unit_id as "unitId", dv.period, dv.period_start::text as "periodStart",
  dv.period_end::text as "periodEnd", dv.metric_id as "metricId", dv.submission_id as "submissionId",
  (s.status = 'approved') as approved, extract(epoch from dv.updated_at)::float8 as "updatedAt", dv.value`;

/** Groups rows by (unit, period). */
function bySlice(rows: readonly SliceRow[]): Map<string, SliceRow[]> {
  const slices = new Map<string, SliceRow[]>();
  for (const r of rows) {
    const key = `${r.unitId}|${r.period}`;
    const list = slices.get(key);
    if (list) list.push(r);
    else slices.set(key, [r]);
  }
  return slices;
}

/** metric id → its weight metric id, for every metric that names one. */
async function loadWeights(conn: Conn): Promise<Map<number, number>> {
  const rows = await queryRows<{ id: number; weight: number }>(
    conn,
    sql`select id, weight_metric_id as weight from metrics where weight_metric_id is not null`,
  );
  return new Map(rows.map((r) => [r.id, r.weight]));
}

/** Adds `partials` of one reporting unit into each of its proper ancestors in `tree`. */
function addToAncestors(
  deltas: RollupDeltas,
  tree: DatedTree,
  slice: Omit<RollupKey, "metricId">,
  partials: ReadonlyMap<number, Partial>,
  sign = 1,
): void {
  const ancestors = tree.ancestorsOrSelf(slice.unitId).slice(1);
  for (const [metricId, p] of partials) {
    for (const unitId of ancestors) deltas.add({ ...slice, metricId, unitId }, p, sign);
  }
}

const finiteValue = (column: SQL) =>
  sql`${column} is not null and ${column} not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;

interface ParentRow extends Partial {
  metricId: number;
  parentId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * The set-based path: the values `where` selects (aliases dv, s), summed in SQL per metric, period
 * and the reporting unit's parent in `tree`. Exact only when each (unit, period) has one counted
 * report, so the weight of a value is the one stored in the same report.
 */
async function sumsByParent(
  tx: Conn,
  tree: DatedTree,
  unitIds: Iterable<number>,
  where: SQL,
  withStatus: boolean,
): Promise<ParentRow[]> {
  const units: number[] = [];
  const parents: number[] = [];
  for (const id of unitIds) {
    const parent = tree.node(id)?.parentId;
    if (parent === null || parent === undefined) continue;
    units.push(id);
    parents.push(parent);
  }
  if (units.length === 0) return [];
  const from = sql`from data_values dv ${withStatus ? sql`join submissions s on s.id = dv.submission_id` : sql``}
                   join t on t.unit_id = dv.unit_id`;
  const keys = sql`t.parent_id as "parentId", dv.period, dv.period_start::text as "periodStart",
                   dv.period_end::text as "periodEnd"`;
  // Three sums: every value; Σv·w and Σw for metrics with a weight; negative weights.
  return queryRows<ParentRow>(
    tx,
    sql`with t(unit_id, parent_id) as (select * from unnest(${intArray(units)}::int[], ${intArray(parents)}::int[]))
        select dv.metric_id as "metricId", ${keys}, sum(dv.value)::float8 as "valueSum",
               count(*)::int as "valueCount", 0::float8 as "weightedSum", 0::float8 as "weightSum",
               0 as "weightedCount", 0 as "negativeWeights"
        ${from}
        where ${where} and ${finiteValue(sql`dv.value`)}
        group by 1, 2, 3, 4, 5
        union all
        select dv.metric_id, ${keys}, 0, 0, sum(dv.value * w.value)::float8, sum(w.value)::float8,
               count(*)::int, 0
        ${from}
        join metrics m on m.id = dv.metric_id
        join data_values w on w.submission_id = dv.submission_id and w.metric_id = m.weight_metric_id
                           and ${finiteValue(sql`w.value`)} and w.value >= 0
        where ${where} and ${finiteValue(sql`dv.value`)}
        group by 1, 2, 3, 4, 5
        union all
        select m.id, ${keys}, 0, 0, 0, 0, 0, count(*)::int
        ${from}
        join metrics m on m.weight_metric_id = dv.metric_id
        where ${where} and dv.value < 0
        group by 1, 2, 3, 4, 5`,
  );
}

/** Adds sums per parent into the parent and each of its ancestors. */
function addParentRows(deltas: RollupDeltas, tree: DatedTree, rows: readonly ParentRow[], sign = 1): void {
  for (const r of rows) {
    const key = {
      period: r.period,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      metricId: r.metricId,
    };
    for (const unitId of tree.ancestorsOrSelf(r.parentId)) deltas.add({ ...key, unitId }, r, sign);
  }
}

/** Adds the deltas into the roll-up rows, in key order, creating the rows that do not exist. */
async function upsert(tx: Conn, deltas: RollupDeltas): Promise<number> {
  const rows = deltas.sorted();
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const part = rows.slice(i, i + UPSERT_CHUNK);
    await tx.execute(
      sql`insert into rollups (metric_id, unit_id, period_start, period, period_end, value_sum, value_count,
                               weighted_sum, weight_sum, weighted_count, negative_weights)
          select * from unnest(${intArray(part.map((r) => r.key.metricId))}::int[],
                               ${intArray(part.map((r) => r.key.unitId))}::int[],
                               ${textArray(part.map((r) => r.key.periodStart))}::date[],
                               ${textArray(part.map((r) => r.key.period))}::text[],
                               ${textArray(part.map((r) => r.key.periodEnd))}::date[],
                               ${floatArray(part.map((r) => r.partial.valueSum))}::float8[],
                               ${intArray(part.map((r) => r.partial.valueCount))}::int[],
                               ${floatArray(part.map((r) => r.partial.weightedSum))}::float8[],
                               ${floatArray(part.map((r) => r.partial.weightSum))}::float8[],
                               ${intArray(part.map((r) => r.partial.weightedCount))}::int[],
                               ${intArray(part.map((r) => r.partial.negativeWeights))}::int[])
          on conflict (metric_id, unit_id, period_start, period) do update set
            value_sum = rollups.value_sum + excluded.value_sum,
            value_count = rollups.value_count + excluded.value_count,
            weighted_sum = rollups.weighted_sum + excluded.weighted_sum,
            weight_sum = rollups.weight_sum + excluded.weight_sum,
            weighted_count = rollups.weighted_count + excluded.weighted_count,
            negative_weights = rollups.negative_weights + excluded.negative_weights`,
    );
  }
  return rows.length;
}

/**
 * Call in the transaction that changed the status of these reports, after the change:
 * `sign` +1 when they just became approved (approve, bulk load as approved), -1 when they just
 * stopped being approved (reopen of an approved report). Values of other reports for the same
 * unit and period are taken into account (one value per metric counts, as in `loadValues`).
 * Returns the number of roll-up rows changed.
 */
export async function applyRollups(
  tx: Conn,
  submissionIds: readonly number[],
  sign: 1 | -1,
): Promise<number> {
  if (submissionIds.length === 0 || !(await rollupsBuilt(tx, "share"))) return 0;
  await noJit(tx);
  const ids = [...submissionIds].sort((a, b) => a - b);
  const slices = await queryRows<{ unitId: number; period: string }>(
    tx,
    sql`select distinct unit_id as "unitId", period from submissions where id = any(${intArray(ids)}::int[])
        order by 1, 2`,
  );
  await lockSlices(tx, slices);
  const placements = await allPlacements(tx);
  const trees = new TreeCache(placements);
  const deltas = new RollupDeltas();
  if (sign > 0 && (await onlyReportOfTheirSlices(tx, ids, slices))) {
    // The common case (approval, bulk load): nothing else counted for these units and periods.
    const byTree = new Map<DatedTree, number[]>();
    for (const r of await queryRows<{ id: number; periodEnd: string }>(
      tx,
      sql`select id, period_end::text as "periodEnd" from submissions where id = any(${intArray(ids)}::int[])`,
    )) {
      const tree = trees.treeOn(r.periodEnd);
      const list = byTree.get(tree) ?? [];
      list.push(r.id);
      byTree.set(tree, list);
    }
    const unitIds = new Set(placements.map((p) => p.unitId));
    for (const [tree, group] of byTree) {
      addParentRows(
        deltas,
        tree,
        await sumsByParent(tx, tree, unitIds, sql`dv.submission_id = any(${intArray(group)}::int[])`, false),
      );
    }
    return upsert(tx, deltas);
  }
  const weights = await loadWeights(tx);
  const changing = new Set(ids);
  for (let i = 0; i < slices.length; i += SLICE_CHUNK) {
    const chunk = slices.slice(i, i + SLICE_CHUNK);
    const rows = await queryRows<SliceRow>(
      tx,
      sql`select ${sliceColumns}
          from unnest(${intArray(chunk.map((c) => c.unitId))}::int[], ${textArray(chunk.map((c) => c.period))}::text[])
               as t(unit_id, period)
          join submissions s on s.unit_id = t.unit_id and s.period = t.period
          join data_values dv on dv.submission_id = s.id
          where (s.status = 'approved' or s.id = any(${intArray(ids)}::int[])) and dv.value is not null`,
    );
    for (const values of bySlice(rows).values()) {
      const [first] = values;
      if (!first) continue;
      const approvedNow = new Set(values.filter((v) => v.approved).map((v) => v.submissionId));
      // Before the change, the reports of this call had the other status.
      const before = (id: number) => (changing.has(id) ? sign < 0 : approvedNow.has(id));
      const after = (id: number) => approvedNow.has(id);
      const delta = difference(
        contributions(effectiveValues(values, before), weights),
        contributions(effectiveValues(values, after), weights),
      );
      if (delta.size > 0) addToAncestors(deltas, trees.treeOn(first.periodEnd), first, delta);
    }
  }
  return upsert(tx, deltas);
}

/** True when each report is alone on its (unit, period) and no other report there is approved. */
async function onlyReportOfTheirSlices(
  tx: Conn,
  ids: readonly number[],
  slices: readonly { unitId: number; period: string }[],
): Promise<boolean> {
  if (slices.length !== ids.length) return false;
  const [other] = await queryRows<{ found: boolean }>(
    tx,
    sql`select exists (
          select 1 from unnest(${intArray(slices.map((c) => c.unitId))}::int[], ${textArray(slices.map((c) => c.period))}::text[])
                 as t(unit_id, period)
          join submissions s on s.unit_id = t.unit_id and s.period = t.period
          where s.status = 'approved' and not (s.id = any(${intArray(ids)}::int[]))) as found`,
  );
  return other?.found === false;
}

/** The placements now, to give `realignRollups` after a dated change of the unit tree. */
export function placementsBefore(tx: Conn): Promise<PlacementRow[]> {
  return allPlacements(tx);
}

const placementKey = (p: PlacementRow) => `${p.unitId}|${p.parentId}|${p.level}|${p.validFrom}|${p.validTo}`;

/** The earliest date from which the two sets of placements may give different trees. */
function firstDifference(before: readonly PlacementRow[], after: readonly PlacementRow[]): string | null {
  const a = new Set(before.map(placementKey));
  const b = new Set(after.map(placementKey));
  let first: string | null = null;
  for (const p of [
    ...before.filter((p) => !b.has(placementKey(p))),
    ...after.filter((p) => !a.has(placementKey(p))),
  ]) {
    for (const d of [p.validFrom, p.validTo]) if (d !== null && (first === null || d < first)) first = d;
  }
  return first;
}

/**
 * Call in the transaction that changed the unit tree (move, close), after the change, with the
 * placements read before it. Values of the units whose ancestors changed, for periods ending on
 * or after the change, move from their old ancestors' roll-ups to their new ones.
 */
export async function realignRollups(tx: Conn, before: readonly PlacementRow[]): Promise<number> {
  if (!(await rollupsBuilt(tx, "share"))) return 0;
  await noJit(tx);
  const after = await allPlacements(tx);
  const from = firstDifference(before, after);
  if (from === null) return 0;
  const oldTrees = new TreeCache(before);
  const newTrees = new TreeCache(after);
  // The trees only change on placement dates: compare every unit's chain on each of them from `from`.
  const dates = new Set<string>([from]);
  for (const p of [...before, ...after]) {
    if (p.validFrom > from) dates.add(p.validFrom);
    if (p.validTo !== null && p.validTo > from) dates.add(p.validTo);
  }
  const unitIds = new Set([...before, ...after].map((p) => p.unitId));
  const moved = new Map<number, string>();
  for (const date of [...dates].sort()) {
    const o = oldTrees.treeOn(date);
    const n = newTrees.treeOn(date);
    for (const id of unitIds) {
      if (moved.has(id)) continue;
      if (o.ancestorsOrSelf(id).slice(1).join() !== n.ancestorsOrSelf(id).slice(1).join())
        moved.set(id, date);
    }
  }
  if (moved.size === 0) return 0;
  const units = [...moved.keys()].sort((a, b) => a - b);
  const rows = await queryRows<SliceRow>(
    tx,
    sql`select ${sliceColumns}
        from unnest(${intArray(units)}::int[], ${textArray(units.map((u) => moved.get(u) ?? from))}::date[])
             as t(unit_id, since)
        join data_values dv on dv.unit_id = t.unit_id and dv.period_end >= t.since
        join submissions s on s.id = dv.submission_id
        where s.status = 'approved' and dv.value is not null`,
  );
  const slices = bySlice(rows);
  await lockSlices(
    tx,
    [...slices.values()].map((v) => v[0]).filter((v) => v !== undefined),
  );
  const weights = await loadWeights(tx);
  const deltas = new RollupDeltas();
  for (const values of slices.values()) {
    const [first] = values;
    if (!first) continue;
    const partials = contributions(
      effectiveValues(values, () => true),
      weights,
    );
    addToAncestors(deltas, oldTrees.treeOn(first.periodEnd), first, partials, -1);
    addToAncestors(deltas, newTrees.treeOn(first.periodEnd), first, partials, 1);
  }
  return upsert(tx, deltas);
}

/** True when some unit and period has two approved reports (two forms): the per-value path is needed. */
async function sharedSlices(tx: Conn): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    tx,
    sql`select exists (select 1 from submissions where status = 'approved'
                       group by unit_id, period having count(*) > 1) as found`,
  );
  return row?.found === true;
}

export interface RebuildResult {
  values: number;
  rows: number;
}

/**
 * Recomputes the roll-ups from the approved values, in one transaction (all of them, or only
 * those of `metricIds`). Blocks roll-up writers meanwhile (they read rollup_state FOR SHARE).
 */
export async function rebuildRollups(
  conn: Conn,
  options: {
    metricIds?: number[];
    onProgress?: (done: number, total: number) => void;
    /** Do nothing when they are built (another process backfilled them meanwhile). */
    unlessBuilt?: boolean;
  } = {},
): Promise<RebuildResult> {
  return conn.transaction(async (tx) => {
    await noJit(tx);
    await tx.execute(sql`insert into rollup_state (id, built) values (1, false) on conflict (id) do nothing`);
    const [state] = await queryRows<{ built: boolean }>(
      tx,
      sql`select built from rollup_state where id = 1 for update`,
    );
    const only = options.metricIds ? new Set(options.metricIds) : null;
    // Part of roll-ups not built yet: the full backfill will cover these metrics too.
    if ((only && !state?.built) || (options.unlessBuilt && state?.built)) return { values: 0, rows: 0 };
    const weights = await loadWeights(tx);
    const wanted = only ? new Set([...only, ...[...only].flatMap((m) => weights.get(m) ?? [])]) : null;
    const metricFilter = wanted ? sql`and dv.metric_id = any(${intArray(wanted)}::int[])` : sql``;
    if (only) await tx.execute(sql`delete from rollups where metric_id = any(${intArray(only)}::int[])`);
    else await tx.execute(sql`delete from rollups`);
    const placements = await allPlacements(tx);
    const trees = new TreeCache(placements);
    const deltas = new RollupDeltas();
    if (!only && !(await sharedSlices(tx))) {
      // One approved report per unit and period: sum in SQL, per stretch of time with one tree.
      const unitIds = new Set(placements.map((p) => p.unitId));
      const bounds = [...new Set(placements.flatMap((p) => [p.validFrom, p.validTo ?? FAR_FUTURE]))].sort();
      for (const [i, from] of bounds.entries()) {
        const to = bounds[i + 1] ?? FAR_FUTURE;
        if (from >= to) continue;
        const where = sql`s.status = 'approved' and dv.period_end >= ${from}::date and dv.period_end < ${to}::date`;
        addParentRows(
          deltas,
          trees.treeOn(from),
          await sumsByParent(tx, trees.treeOn(from), unitIds, where, true),
        );
        options.onProgress?.(i + 1, bounds.length);
      }
      const [counted] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from data_values dv join submissions s on s.id = dv.submission_id
            where s.status = 'approved' and ${finiteValue(sql`dv.value`)}`,
      );
      const rows = await upsert(tx, deltas);
      await tx.execute(sql`update rollup_state set built = true where id = 1`);
      return { values: counted?.n ?? 0, rows };
    }
    const units = (
      await queryRows<{ id: number }>(
        tx,
        sql`select distinct unit_id as id from submissions where status = 'approved' order by 1`,
      )
    ).map((r) => r.id);
    let values = 0;
    for (let i = 0; i < units.length; i += UNIT_CHUNK) {
      const chunk = units.slice(i, i + UNIT_CHUNK);
      const rows = await queryRows<SliceRow>(
        tx,
        sql`select ${sliceColumns}
            from data_values dv join submissions s on s.id = dv.submission_id
            where s.status = 'approved' and dv.value is not null
              and dv.unit_id = any(${intArray(chunk)}::int[]) ${metricFilter}`,
      );
      values += rows.length;
      for (const slice of bySlice(rows).values()) {
        const [first] = slice;
        if (!first) continue;
        const partials = contributions(
          effectiveValues(slice, () => true),
          weights,
        );
        if (only) for (const m of partials.keys()) if (!only.has(m)) partials.delete(m);
        addToAncestors(deltas, trees.treeOn(first.periodEnd), first, partials);
      }
      options.onProgress?.(Math.min(i + UNIT_CHUNK, units.length), units.length);
    }
    const rows = await upsert(tx, deltas);
    if (!only) await tx.execute(sql`update rollup_state set built = true where id = 1`);
    return { values, rows };
  });
}

/** Backfills the roll-ups of a database migrated from before they existed; true when it did. */
export async function ensureRollups(
  conn: Conn,
  onProgress?: (done: number, total: number) => void,
): Promise<boolean> {
  if (await rollupsBuilt(conn)) return false;
  await rebuildRollups(conn, onProgress ? { onProgress, unlessBuilt: true } : { unlessBuilt: true });
  return true;
}
