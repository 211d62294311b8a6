import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

/** A unit directly below the plan's scope unit: a row of the completeness grid, a tile of the map. */
export interface ChildUnit {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: "territorial" | "agency";
  level: number;
}

const inForce = (asOf: string) =>
  sql`p.valid_from <= ${asOf}::date and (p.valid_to is null or p.valid_to > ${asOf}::date)`;

/** The units directly below `parentId` in the tree of `asOf`, by code. */
export async function childUnits(conn: Conn, parentId: number, asOf: string): Promise<ChildUnit[]> {
  return queryRows<ChildUnit>(
    conn,
    sql`select u.code, u.name_vi as "nameVi", u.name_en as "nameEn", u.kind::text as kind, p.level
        from unit_placements p join units u on u.id = p.unit_id
        where p.parent_id = ${parentId} and ${inForce(asOf)}
        order by u.code`,
  );
}

/**
 * For every unit below `parentId` in the tree of `asOf`, the code of the child of `parentId` it
 * lies under (a commune's district): how a unit's report counts in the grid's row.
 */
export async function rowOfUnit(conn: Conn, parentId: number, asOf: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; top: string }>(
    conn,
    sql`with recursive down(id, top, depth) as (
          select p.unit_id, p.unit_id, 0 from unit_placements p
          where p.parent_id = ${parentId} and ${inForce(asOf)}
          union all
          select p.unit_id, down.top, down.depth + 1 from unit_placements p join down on p.parent_id = down.id
          where ${inForce(asOf)} and down.depth < 12
        ) select u.code, t.code as top from down join units u on u.id = down.id join units t on t.id = down.top`,
  );
  return new Map(rows.map((r) => [r.code, r.top]));
}
