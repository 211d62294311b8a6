import { type SQL, sql } from "drizzle-orm";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

/** SQL condition: a placement row `p` in force on date `asOf` (ISO). */
const inForce = (asOf: string) =>
  sql`p.valid_from <= ${asOf}::date and (p.valid_to is null or p.valid_to > ${asOf}::date)`;

/** Those of `unitIds` that are roots of the tree (a province) on `asOf`. */
export async function rootsAmong(conn: Conn, unitIds: readonly number[], asOf: string): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    conn,
    sql`select p.unit_id as id from unit_placements p
        where p.unit_id = any(${intArray(unitIds)}::int[]) and p.parent_id is null and ${inForce(asOf)}`,
  );
  return rows.map((r) => r.id);
}

/** The unit and its ancestors up to the root, as the tree stood on `asOf`. */
export async function ancestorIds(conn: Conn, unitId: number, asOf: string): Promise<number[]> {
  return (await ancestorIdsOn(conn, unitId, [asOf])).get(asOf) ?? [];
}

/** The unit and its ancestors as the tree stood on each of `dates` (ISO), in one read. */
export async function ancestorIdsOn(
  conn: Conn,
  unitId: number,
  dates: readonly string[],
): Promise<Map<string, number[]>> {
  const rows = await queryRows<{ id: number; asOf: string }>(
    conn,
    sql`with recursive d(as_of) as (select distinct unnest(${textArray(dates)}::date[])),
        up(id, as_of, depth) as (
          select ${unitId}::int, d.as_of, 0 from d
          union all
          select p.parent_id, up.as_of, up.depth + 1 from unit_placements p join up on p.unit_id = up.id
          where p.parent_id is not null and p.valid_from <= up.as_of
            and (p.valid_to is null or p.valid_to > up.as_of) and up.depth < 12
        ) select id, as_of::text as "asOf" from up order by depth`,
  );
  const chains = new Map<string, number[]>();
  for (const r of rows) chains.set(r.asOf, [...(chains.get(r.asOf) ?? []), r.id]);
  return chains;
}

/**
 * The CTEs `dates(as_of)`, from `dates` (a query of one date column), and `down(id, as_of, depth)`:
 * the roots and every unit below them as the tree stood on each date. Put after `with recursive`.
 */
export function subtreeWalk(rootIds: readonly number[], dates: SQL): SQL {
  return sql`dates(as_of) as (${dates}), down(id, as_of, depth) as (
      select r.id, d.as_of, 0 from unnest(${intArray(rootIds)}::int[]) as r(id) cross join dates d
      union all
      select p.unit_id, down.as_of, down.depth + 1 from unit_placements p join down on p.parent_id = down.id
      where p.valid_from <= down.as_of and (p.valid_to is null or p.valid_to > down.as_of) and down.depth < 12
    )`;
}

/** The roots and every unit below them as the tree stood on each of `dates` (ISO), in one read. */
export async function subtreeIdsOn(
  conn: Conn,
  rootIds: readonly number[],
  dates: readonly string[],
): Promise<Map<string, number[]>> {
  const trees = new Map(dates.map((d) => [d, [] as number[]]));
  if (rootIds.length === 0 || dates.length === 0) return trees;
  const rows = await queryRows<{ id: number; asOf: string }>(
    conn,
    sql`with recursive ${subtreeWalk(rootIds, sql`select distinct unnest(${textArray(dates)}::date[])`)}
        select distinct id, as_of::text as "asOf" from down`,
  );
  for (const r of rows) trees.get(r.asOf)?.push(r.id);
  return trees;
}

/** The roots and every unit below them, as the tree stood on `asOf`. */
export async function subtreeIds(conn: Conn, rootIds: number[], asOf: string): Promise<number[]> {
  return (await subtreeIdsOn(conn, rootIds, [asOf])).get(asOf) ?? [];
}

export interface PlacedUnit {
  id: number;
  code: string;
  parentId: number | null;
  level: number;
}

/** Every unit placed in the tree on `asOf`, with its parent and level then. */
export async function treeAsOf(conn: Conn, asOf: string): Promise<PlacedUnit[]> {
  return queryRows<PlacedUnit>(
    conn,
    sql`select u.id, u.code, p.parent_id as "parentId", p.level
        from unit_placements p join units u on u.id = p.unit_id
        where ${inForce(asOf)}
        order by p.level, u.code`,
  );
}
