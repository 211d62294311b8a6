import { type SQL, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

interface PrincipalRow {
  id: number;
  username: string;
  display_name: string;
  locale: string;
  grants: Principal["grants"];
}

/**
 * The active user that `from` (a FROM … WHERE fragment naming the user as `u`) selects, with its
 * grants, in one round trip: every authenticated request pays for this, so it is one query.
 */
export async function principalWhere(conn: Conn, from: SQL): Promise<Principal | null> {
  const [row] = await queryRows<PrincipalRow>(
    conn,
    sql`select u.id, u.username, u.display_name, u.locale,
          coalesce((select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'unitCode', gu.code)
                                    order by g.id)
                      from user_grants g join units gu on gu.id = g.unit_id
                     where g.user_id = u.id), '[]'::json) as grants
        ${from} and u.active`,
  );
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    grants: row.grants,
  };
}

/** Loads an active user with its grants, or null. */
export function loadPrincipal(conn: Conn, userId: number): Promise<Principal | null> {
  return principalWhere(conn, sql`from users u where u.id = ${userId}`);
}
