import { assertUnitInScope, type Principal, type Role, unitInScope } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";

/** Who may read reports: everyone with a role over the unit (admins included). */
export const readerRoles: readonly Role[] = ["viewer", "reporter", "approver", "appraiser"];

/**
 * Checks the role over the unit in the tree of `asOf` (the period's end). A null principal is
 * the system's own authority (demo loader, CLI): it skips scope checks, never validation.
 */
export async function authorize(
  conn: Conn,
  principal: Principal | null,
  roles: readonly Role[],
  unit: { id: number; code: string },
  asOf: string | readonly string[],
): Promise<void> {
  if (principal) await assertUnitInScope(conn, principal, roles, unit, asOf);
}

/** The system and admins over the unit are not bound by a form's time lock. */
export async function exemptFromLock(
  conn: Conn,
  principal: Principal | null,
  unitId: number,
  asOf: string,
): Promise<boolean> {
  return principal === null || unitInScope(conn, principal, ["admin"], unitId, asOf);
}
