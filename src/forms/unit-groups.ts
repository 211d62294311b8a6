import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { type UnitGroup, unitGroup } from "../domain/forms/index.ts";

/**
 * The reporting group of each unit assigned to a form (`formId`), or of one unit (`unitId`):
 * from its kind, type word and level in its latest placement (see `unitGroup`).
 */
export async function unitGroupsOf(
  conn: Conn,
  of: { formId: number } | { unitId: number },
): Promise<Map<number, UnitGroup>> {
  const where =
    "formId" in of
      ? sql`u.id in (select fu.unit_id from form_units fu where fu.form_id = ${of.formId})`
      : sql`u.id = ${of.unitId}`;
  const rows = await queryRows<{ unitId: number; kind: string; type: string; level: number | null }>(
    conn,
    sql`select u.id as "unitId", u.kind, u.type,
               (select p.level from unit_placements p where p.unit_id = u.id
                order by p.valid_from desc limit 1) as level
        from units u where ${where}`,
  );
  return new Map(rows.map((r) => [r.unitId, unitGroup({ ...r, level: r.level ?? 1 })]));
}
