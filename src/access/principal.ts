import type { Conn } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { ancestorIdsOn, rootsAmong } from "../units/tree.ts";

export const roles = ["admin", "reporter", "approver", "viewer", "appraiser"] as const;
export type Role = (typeof roles)[number];

/** A role held over a unit and everything below it. */
export interface Grant {
  role: Role;
  unitId: number;
  unitCode: string;
}

/** The signed-in user as every route sees it. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  locale: string;
  grants: Grant[];
}

/** Admin acts in every role within its scope. */
function grantsFor(principal: Principal, allowed: readonly Role[]): Grant[] {
  return principal.grants.filter((g) => g.role === "admin" || allowed.includes(g.role));
}

export function hasRole(principal: Principal, allowed: readonly Role[]): boolean {
  return grantsFor(principal, allowed).length > 0;
}

export function requirePrincipal(principal: Principal | null | undefined): Principal {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  return principal;
}

export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  if (!hasRole(principal, allowed)) throw new AppError("FORBIDDEN");
}

/** The unit ids whose subtrees the principal may act on in one of these roles. */
export function scopeRoots(principal: Principal, allowed: readonly Role[]): number[] {
  return [...new Set(grantsFor(principal, allowed).map((g) => g.unitId))];
}

/** True when the unit lies in the subtree of a grant for one of the roles, in the tree of `asOf`. */
export function unitInScope(
  conn: Conn,
  principal: Principal,
  allowed: readonly Role[],
  unitId: number,
  asOf: string,
): Promise<boolean> {
  return unitInScopeOn(conn, principal, allowed, unitId, [asOf]);
}

/** As unitInScope, on every one of `dates` (one read whatever their number). */
export async function unitInScopeOn(
  conn: Conn,
  principal: Principal,
  allowed: readonly Role[],
  unitId: number,
  dates: readonly string[],
): Promise<boolean> {
  const roots = new Set(scopeRoots(principal, allowed));
  if (roots.size === 0) return false;
  if (roots.has(unitId)) return true;
  const chains = await ancestorIdsOn(conn, unitId, dates);
  return dates.every((d) => (chains.get(d) ?? []).some((id) => roots.has(id)));
}

/**
 * Throws 403 FORBIDDEN without the role, 403 OUT_OF_SCOPE when the unit is outside the grants
 * in the tree of `asOf` (of any one of them, when several).
 */
export async function assertUnitInScope(
  conn: Conn,
  principal: Principal,
  allowed: readonly Role[],
  unit: { id: number; code: string },
  asOf: string | readonly string[],
): Promise<void> {
  requireRole(principal, allowed);
  const dates = typeof asOf === "string" ? [asOf] : asOf;
  if (!(await unitInScopeOn(conn, principal, allowed, unit.id, dates))) {
    throw new AppError("OUT_OF_SCOPE", { unit: unit.code });
  }
}

/**
 * A province-level administrator: an admin grant on a root of the tree today. Only such an
 * admin changes what the whole province shares (metrics, forms and their rules, report
 * templates, index frameworks, the map); an admin of a district or a department acts on its
 * subtree only (docs/security.md).
 */
export async function isProvinceAdmin(conn: Conn, principal: Principal, asOf: string): Promise<boolean> {
  const roots = scopeRoots(principal, ["admin"]);
  return roots.length > 0 && (await rootsAmong(conn, roots, asOf)).length > 0;
}

/** 403 FORBIDDEN without the admin role, 403 PROVINCE_ADMIN_ONLY for an admin below the province. */
export async function requireProvinceAdmin(conn: Conn, principal: Principal, asOf: string): Promise<void> {
  requireRole(principal, ["admin"]);
  if (!(await isProvinceAdmin(conn, principal, asOf))) throw new AppError("PROVINCE_ADMIN_ONLY");
}
