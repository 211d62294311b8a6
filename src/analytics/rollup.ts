/**
 * Roll-up maintenance (cập nhật số liệu tổng hợp sẵn). Every write that changes which values are
 * approved calls one of these in its own transaction, so analytics sees the change the moment it
 * commits and a crash leaves both or neither:
 *
 * - `applyRollups(tx, submissionIds, +1)` after reports became approved (approve, approved bulk load);
 * - `applyRollups(tx, submissionIds, -1)` after approved reports left that status (reopen);
 * - `realignRollups(tx, placementsBefore)` after a dated change of the unit tree (move, close);
 * - `rebuildRollups(conn)` (rollup-rebuild.ts) recomputes everything from data_values (`chiso rollups rebuild`).
 *
 * Two servers writing at once: the (unit, period) slices touched are serialised by advisory locks
 * taken in ascending order, and the roll-up rows are upserted in key order, so two transactions
 * never wait on each other in a cycle.
 */
import { sql } from "drizzle-orm";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { parsedRows, queryRows } from "../db/rows.ts";
import { contributions, difference, effectiveValues, RollupDeltas } from "./rollup-math.ts";
import { sliceRow } from "./rollup-rows.ts";
import {
  addParentRows,
  addToAncestors,
  allPlacements,
  bySlice,
  finiteValue,
  loadWeights,
  lockSlices,
  rollupSettings,
  rollupsBuilt,
  SLICE_CHUNK,
  sliceColumns,
  sumsByParent,
  upsert,
} from "./rollup-store.ts";
import { type DatedTree, type PlacementRow, TreeCache } from "./tree.ts";
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
  await rollupSettings(tx);
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
    const rows = await parsedRows(
      tx,
      sliceRow,
      sql`select ${sliceColumns}
          from unnest(${intArray(chunk.map((c) => c.unitId))}::int[], ${textArray(chunk.map((c) => c.period))}::text[])
               as t(unit_id, period)
          join submissions s on s.unit_id = t.unit_id and s.period = t.period
          join data_values dv on dv.submission_id = s.id
          where (s.status = 'approved' or s.id = any(${intArray(ids)}::int[])) and ${finiteValue(sql`dv.value`)}`,
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
  await rollupSettings(tx);
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
  const rows = await parsedRows(
    tx,
    sliceRow,
    sql`select ${sliceColumns}
        from unnest(${intArray(units)}::int[], ${textArray(units.map((u) => moved.get(u) ?? from))}::date[])
             as t(unit_id, since)
        join data_values dv on dv.unit_id = t.unit_id and dv.period_end >= t.since
        join submissions s on s.id = dv.submission_id
        where s.status = 'approved' and ${finiteValue(sql`dv.value`)}`,
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
