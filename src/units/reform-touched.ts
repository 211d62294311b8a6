/**
 * What a reform touches beyond the tree: the users, forms, plans and index assessments that name
 * a unit it closes. They are listed for the admin to reassign; the reform changes none of them
 * (a user scoped to a closed unit is never silently re-scoped to its successor).
 */
import { sql } from "drizzle-orm";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

export interface TouchedByReform {
  grants: { username: string; displayName: string; role: string; unitCode: string }[];
  forms: { code: string; unitCode: string }[];
  plans: { code: string; year: number; unitCode: string; as: "reporting" | "scope" | "indicator" }[];
  assessments: { code: string; year: number; status: string; unitCode: string }[];
}

/** Everything that names one of the units `ids` (the units the reform closes). */
export async function touchedByReform(conn: Conn, ids: readonly number[]): Promise<TouchedByReform> {
  const closed = intArray(ids);
  // One after the other: a transaction is one connection, which runs one query at a time.
  const grants = await queryRows<TouchedByReform["grants"][number]>(
    conn,
    sql`select u.username, u.display_name as "displayName", g.role::text as role, t.code as "unitCode"
          from user_grants g join users u on u.id = g.user_id join units t on t.id = g.unit_id
          where g.unit_id = any(${closed}::int[]) order by t.code, u.username, g.role`,
  );
  const forms = await queryRows<TouchedByReform["forms"][number]>(
    conn,
    sql`select f.code, t.code as "unitCode" from form_units fu
          join forms f on f.id = fu.form_id join units t on t.id = fu.unit_id
          where fu.unit_id = any(${closed}::int[]) order by t.code, f.code`,
  );
  const plans = await queryRows<TouchedByReform["plans"][number]>(
    conn,
    sql`select distinct p.code, p.year, t.code as "unitCode", x.as_what as "as"
          from (
            select id as plan_id, reporting_unit_id as unit_id, 'reporting' as as_what from plans
            union all select id, scope_unit_id, 'scope' from plans
            union all select i.plan_id, iu.unit_id, 'indicator'
              from plan_indicator_units iu join plan_indicators i on i.id = iu.indicator_id
          ) x join plans p on p.id = x.plan_id join units t on t.id = x.unit_id
          where x.unit_id = any(${closed}::int[]) order by t.code, p.code, "as"`,
  );
  const assessments = await queryRows<TouchedByReform["assessments"][number]>(
    conn,
    sql`select a.code, a.year, a.status::text as status, t.code as "unitCode"
          from assessment_units au join assessments a on a.id = au.assessment_id join units t on t.id = au.unit_id
          where au.unit_id = any(${closed}::int[]) order by t.code, a.code`,
  );
  return { grants, forms, plans, assessments };
}
