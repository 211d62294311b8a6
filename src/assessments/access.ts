import {
  assertUnitInScope,
  hasRole,
  type Principal,
  type Role,
  requireRole,
  roles,
  scopeRoots,
  unitInScope,
} from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { subtreeIds } from "../units/tree.ts";
import type { AssessedUnit, LoadedAssessment } from "./types.ts";

// A null principal is the system's own authority (demo loader, CLI): no scope checks, but
// every rule of the cycle still applies.

/** True when the principal is an admin over every unit of the assessment. */
export async function isAssessmentAdmin(
  conn: Conn,
  principal: Principal | null,
  unitIds: readonly number[],
  asOf: string,
): Promise<boolean> {
  if (principal === null) return true;
  if (!hasRole(principal, ["admin"])) return false;
  const covered = new Set(await subtreeIds(conn, scopeRoots(principal, ["admin"]), asOf));
  return unitIds.every((id) => covered.has(id));
}

/** 403 unless the principal administers every unit of the assessment. */
export async function assertAssessmentAdmin(
  conn: Conn,
  principal: Principal | null,
  unitIds: readonly number[],
  asOf: string,
): Promise<void> {
  if (principal === null) return;
  requireRole(principal, ["admin"]);
  if (!(await isAssessmentAdmin(conn, principal, unitIds, asOf))) throw new AppError("FORBIDDEN");
}

/** 403 unless the principal holds `role` (or admin) over the unit. */
export async function assertUnitRole(
  conn: Conn,
  principal: Principal | null,
  role: Role,
  unit: AssessedUnit,
  asOf: string,
): Promise<void> {
  if (principal) await assertUnitInScope(conn, principal, [role], { id: unit.unitId, code: unit.code }, asOf);
}

/** The unit itself: anyone with a grant over it, whatever the role. */
export async function isUnitMember(
  conn: Conn,
  principal: Principal | null,
  unitId: number,
  asOf: string,
): Promise<boolean> {
  return principal === null || unitInScope(conn, principal, roles, unitId, asOf);
}

export const isAppraiser = (principal: Principal | null) =>
  principal === null || hasRole(principal, ["appraiser"]);

/**
 * The criteria this principal may appraise: those whose verifying unit (đơn vị thẩm định) lies
 * in the scope of its appraiser grants. Admins over the whole assessment, who sit on the
 * council, may appraise every criterion, including those no department verifies.
 */
export async function appraisableCriteria(
  conn: Conn,
  principal: Principal | null,
  loaded: LoadedAssessment,
  unitIds: readonly number[],
): Promise<Set<string>> {
  const all = new Set(loaded.framework.criteria.map((c) => c.code));
  if (await isAssessmentAdmin(conn, principal, unitIds, loaded.asOf)) return all;
  if (principal === null || !hasRole(principal, ["appraiser"])) return new Set();
  const verifierIds = [...new Set(Object.values(loaded.row.verifiers))];
  const mine = new Set<number>();
  for (const id of verifierIds) {
    if (await unitInScope(conn, principal, ["appraiser"], id, loaded.asOf)) mine.add(id);
  }
  return new Set(
    Object.entries(loaded.row.verifiers)
      .filter(([, id]) => mine.has(id))
      .map(([code]) => code),
  );
}
