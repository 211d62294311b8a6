import { eq } from "drizzle-orm";
import type { Principal, Role } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { units, userGrants, users } from "../db/schema/index.ts";

/** Loads an active user with its grants, or null. */
export async function loadPrincipal(conn: Conn, userId: number): Promise<Principal | null> {
  const [user] = await conn.select().from(users).where(eq(users.id, userId));
  if (!user?.active) return null;
  const grants = await conn
    .select({ role: userGrants.role, unitId: userGrants.unitId, unitCode: units.code })
    .from(userGrants)
    .innerJoin(units, eq(units.id, userGrants.unitId))
    .where(eq(userGrants.userId, userId));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unitId, unitCode: g.unitCode })),
  };
}
