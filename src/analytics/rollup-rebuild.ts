/** Recomputing the roll-ups from the approved values (`chiso rollups rebuild`, the backfill). */
import { sql } from "drizzle-orm";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { parsedRows, queryRows } from "../db/rows.ts";
import { contributions, effectiveValues, RollupDeltas } from "./rollup-math.ts";
import { sliceRow } from "./rollup-rows.ts";
import {
  addParentRows,
  addToAncestors,
  allPlacements,
  bySlice,
  FAR_FUTURE,
  finiteValue,
  loadWeights,
  rollupSettings,
  rollupsBuilt,
  sliceColumns,
  sumsByParent,
  UNIT_CHUNK,
  upsert,
} from "./rollup-store.ts";
import { TreeCache } from "./tree.ts";

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
    await rollupSettings(tx);
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
      const rows = await parsedRows(
        tx,
        sliceRow,
        sql`select ${sliceColumns}
            from data_values dv join submissions s on s.id = dv.submission_id
            where s.status = 'approved' and ${finiteValue(sql`dv.value`)}
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
