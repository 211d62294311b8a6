import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { unitHistorySchema } from "./schema.ts";
import { unitByCode } from "./service.ts";

type History = z.infer<typeof unitHistorySchema>;
export type UnitPlacementView = History["placements"][number];
export type UnitSuccessionView = History["successions"][number];

/**
 * A unit's history: where it stood (placements), what it came from and went to (successions),
 * and the other units that held its code at other times (`codeHolders`: codes are reused, so a
 * screen links them by code and date). A predecessor existed the day before `effectiveDate`, a
 * successor on it: that is the date to ask for each by code.
 */
export async function unitHistory(conn: Conn, code: string, on?: string | null, path = "code") {
  const unit = await unitByCode(conn, code, on, path);
  const placements = await queryRows<UnitPlacementView>(
    conn,
    sql`
    select pu.code as "parentCode", pu.name_vi as "parentName", p.level,
           p.valid_from::text as "validFrom", p.valid_to::text as "validTo"
    from unit_placements p left join units pu on pu.id = p.parent_id
    where p.unit_id = ${unit.id} order by p.valid_from`,
  );
  const successions = await queryRows<UnitSuccessionView>(
    conn,
    sql`
    select a.code as "predecessorCode", a.name_vi as "predecessorName", b.code as "successorCode",
           b.name_vi as "successorName", s.kind, s.effective_date::text as "effectiveDate", s.decision,
           case when s.successor_id = ${unit.id} then 'from' else 'to' end as "direction"
    from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id
    where s.predecessor_id = ${unit.id} or s.successor_id = ${unit.id}
    order by s.effective_date, a.code, b.code`,
  );
  const codeHolders = await queryRows<History["codeHolders"][number]>(
    conn,
    sql`
    select name_vi as "nameVi", valid_from::text as "validFrom", valid_to::text as "validTo"
    from units where code = ${unit.code} and id <> ${unit.id} order by valid_from`,
  );
  return { unit, placements, successions, codeHolders };
}
