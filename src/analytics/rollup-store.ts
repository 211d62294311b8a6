/**
 * What roll-up maintenance (rollup.ts) and rebuilds (rollup-rebuild.ts) share: the slice locks,
 * reading values by slice, adding partial sums into ancestors, and upserting roll-up rows.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { parsedRows, queryRows } from "../db/rows.ts";
import { type Exact, exactText } from "../domain/number/index.ts";
import { loadPlacements } from "./queries.ts";
import type { Partial, RollupDeltas, RollupKey } from "./rollup-math.ts";
import { type ParentRow, parentRow, type SliceRow } from "./rollup-rows.ts";
import type { DatedTree, PlacementRow } from "./tree.ts";

/** Advisory lock namespace of roll-up slices, and the number of buckets slices hash into. */
const LOCK_CLASS = 727_001;
const LOCK_BUCKETS = 256;
/** (unit, period) slices whose values are read at once (bounds memory in a bulk load of millions). */
export const SLICE_CHUNK = 2_000;
/** Units whose values are read at once by a rebuild. */
export const UNIT_CHUNK = 150;
/** Roll-up rows per upsert statement. */
const UPSERT_CHUNK = 2_000;
export const FAR_FUTURE = "9999-12-31";

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

export function allPlacements(conn: Conn): Promise<PlacementRow[]> {
  return loadPlacements(conn, FAR_FUTURE);
}

/**
 * Settings of a transaction that writes roll-ups. Array parameters make the planner's row
 * estimates huge, and JIT-compiling those queries costs more than running them (seconds on a
 * busy 2-core machine): off. float8 prints as its shortest exact decimal (`exactValue`).
 */
export async function rollupSettings(tx: Conn): Promise<void> {
  await tx.execute(sql`select set_config('jit', 'off', true), set_config('extra_float_digits', '1', true)`);
}

/**
 * A float8 value as the exact decimal it prints as (what `exactOf` takes in TypeScript): a plain
 * `::numeric` cast keeps only 15 digits, so 0.30000000000000004 would count as 0.3.
 */
export const exactValue = (column: SQL) => sql`${column}::text::numeric`;

/** Σ of the slice hashes' buckets, locked in ascending order (the same order in every server). */
export async function lockSlices(tx: Conn, slices: { unitId: number; period: string }[]): Promise<void> {
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

export type { SliceRow } from "./rollup-rows.ts";

export const sliceColumns = sql`dv.unit_id as "unitId", dv.period, dv.period_start::text as "periodStart",
  dv.period_end::text as "periodEnd", dv.metric_id as "metricId", dv.submission_id as "submissionId",
  (s.status = 'approved') as approved, extract(epoch from dv.updated_at)::float8 as "updatedAt", dv.value`;

/** Groups rows by (unit, period). */
export function bySlice(rows: readonly SliceRow[]): Map<string, SliceRow[]> {
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
export async function loadWeights(conn: Conn): Promise<Map<number, number>> {
  const rows = await parsedRows(
    conn,
    z.object({ id: z.int(), weight: z.int() }),
    sql`select id, weight_metric_id as weight from metrics where weight_metric_id is not null`,
  );
  return new Map(rows.map((r) => [r.id, r.weight]));
}

/** Adds `partials` of one reporting unit into each of its proper ancestors in `tree`. */
export function addToAncestors(
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

export const finiteValue = (column: SQL) =>
  sql`${column} is not null and ${column} not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;

/**
 * The set-based path: the values `where` selects (aliases dv, s), summed in SQL per metric, period
 * and the reporting unit's parent in `tree`. Exact only when each (unit, period) has one counted
 * report, so the weight of a value is the one stored in the same report.
 */
export async function sumsByParent(
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
  const v = exactValue(sql`dv.value`);
  // Three sums (exact, as numeric): every value; Σv·w and Σw for metrics with a weight; negative weights.
  return parsedRows(
    tx,
    parentRow,
    sql`with t(unit_id, parent_id) as (select * from unnest(${intArray(units)}::int[], ${intArray(parents)}::int[]))
        select dv.metric_id as "metricId", ${keys}, sum(${v})::text as "valueSum",
               count(*)::int as "valueCount", '0'::text as "weightedSum", '0'::text as "weightSum",
               0 as "weightedCount", 0 as "negativeWeights"
        ${from}
        where ${where} and ${finiteValue(sql`dv.value`)}
        group by 1, 2, 3, 4, 5
        union all
        select dv.metric_id, ${keys}, '0', 0, sum(${v} * ${exactValue(sql`w.value`)})::text,
               sum(${exactValue(sql`w.value`)})::text, count(*)::int, 0
        ${from}
        join metrics m on m.id = dv.metric_id
        join data_values w on w.submission_id = dv.submission_id and w.metric_id = m.weight_metric_id
                           and ${finiteValue(sql`w.value`)} and w.value >= 0
        where ${where} and ${finiteValue(sql`dv.value`)}
        group by 1, 2, 3, 4, 5
        union all
        select m.id, ${keys}, '0', 0, '0', '0', 0, count(*)::int
        ${from}
        join metrics m on m.weight_metric_id = dv.metric_id
        where ${where} and dv.value < 0
        group by 1, 2, 3, 4, 5`,
  );
}

/** Adds sums per parent into the parent and each of its ancestors. */
export function addParentRows(
  deltas: RollupDeltas,
  tree: DatedTree,
  rows: readonly ParentRow[],
  sign = 1,
): void {
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

const exactArray = (parts: readonly Partial[], pick: (p: Partial) => Exact) =>
  sql`${textArray(parts.map((p) => exactText(pick(p))))}::numeric[]`;
const keyArrays = (keys: readonly RollupKey[]) =>
  sql`${intArray(keys.map((k) => k.metricId))}::int[], ${intArray(keys.map((k) => k.unitId))}::int[],
      ${textArray(keys.map((k) => k.periodStart))}::date[], ${textArray(keys.map((k) => k.period))}::text[]`;

/**
 * Adds the deltas into the roll-up rows, in key order, creating the rows that do not exist and
 * removing those left holding nothing (sums are exact, so a row emptied is exactly zero).
 */
export async function upsert(tx: Conn, deltas: RollupDeltas): Promise<number> {
  const rows = deltas.sorted();
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const part = rows.slice(i, i + UPSERT_CHUNK);
    const partials = part.map((r) => r.partial);
    await tx.execute(
      sql`insert into rollups (metric_id, unit_id, period_start, period, period_end, value_sum, value_count,
                               weighted_sum, weight_sum, weighted_count, negative_weights)
          select * from unnest(${keyArrays(part.map((r) => r.key))}, ${textArray(part.map((r) => r.key.periodEnd))}::date[],
                      ${exactArray(partials, (p) => p.valueSum)}, ${intArray(partials.map((p) => p.valueCount))}::int[],
                      ${exactArray(partials, (p) => p.weightedSum)}, ${exactArray(partials, (p) => p.weightSum)},
                      ${intArray(partials.map((p) => p.weightedCount))}::int[],
                      ${intArray(partials.map((p) => p.negativeWeights))}::int[])
          on conflict (metric_id, unit_id, period_start, period) do update set
            value_sum = rollups.value_sum + excluded.value_sum,
            value_count = rollups.value_count + excluded.value_count,
            weighted_sum = rollups.weighted_sum + excluded.weighted_sum,
            weight_sum = rollups.weight_sum + excluded.weight_sum,
            weighted_count = rollups.weighted_count + excluded.weighted_count,
            negative_weights = rollups.negative_weights + excluded.negative_weights`,
    );
    // Only a row some count of which went down can have emptied.
    const lowered = part.filter(
      (r) => r.partial.valueCount < 0 || r.partial.weightedCount < 0 || r.partial.negativeWeights < 0,
    );
    if (lowered.length > 0)
      await deleteEmptied(
        tx,
        lowered.map((r) => r.key),
      );
  }
  return rows.length;
}

async function deleteEmptied(tx: Conn, keys: readonly RollupKey[]): Promise<void> {
  await tx.execute(
    sql`delete from rollups r
        using unnest(${keyArrays(keys)}) as k(metric_id, unit_id, period_start, period)
        where r.metric_id = k.metric_id and r.unit_id = k.unit_id and r.period_start = k.period_start
          and r.period = k.period and r.value_count = 0 and r.weighted_count = 0 and r.negative_weights = 0
          and r.value_sum = 0 and r.weighted_sum = 0 and r.weight_sum = 0`,
  );
}
