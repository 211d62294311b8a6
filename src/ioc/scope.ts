import { sql } from "drizzle-orm";
import { type Principal, roles, unitInScope } from "../access/principal.ts";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { PlanRow } from "../plans/store.ts";
import { unitByCode } from "../units/service.ts";
import { ancestorIds } from "../units/tree.ts";

/** A unit as the screen names it. */
export interface ScopeUnit {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

/**
 * Phạm vi xem: the unit the leaders' screen shows and how far the caller reaches into it.
 *
 * - `full`: the unit lies in the caller's scope (a grant of any role on it or above it): its
 *   figures, its completeness by the units below it, its map.
 * - `plan`: the plan's scope unit (the province) for a reader of the plan whose grants do not
 *   cover it (a department, or a district that asks for the province): what the plan already
 *   publishes to every reader (its figures and statuses, the province's reporting totals), with
 *   the rows and tiles of the units below limited to those in the caller's scope.
 */
export interface IocScope {
  unit: ScopeUnit;
  reach: "full" | "plan";
  /** The authority the figures, completeness and map are read with: a viewer over the unit. */
  reader: Principal;
  /** Whether a unit directly below the scope unit (a grid row, a map tile) is shown to the caller. */
  shows(code: string): boolean;
  /** The units the caller may open: the plan's scope unit, then the roots of the caller's grants. */
  choices: ScopeUnit[];
}

interface GrantUnit extends ScopeUnit {
  kind: "territorial" | "agency";
  level: number;
}

/** A viewer over the unit, keeping the caller's name and language. */
function viewerOver(principal: Principal, unit: ScopeUnit): Principal {
  return { ...principal, grants: [{ role: "viewer", unitId: unit.id, unitCode: unit.code }] };
}

/**
 * The units the caller's grants hang on that are in force today and not below another of them,
 * broadest first (by tree level, then code).
 */
export async function grantRoots(conn: Conn, principal: Principal, today: string): Promise<GrantUnit[]> {
  const ids = [...new Set(principal.grants.map((g) => g.unitId))];
  if (ids.length === 0) return [];
  const placed = await queryRows<GrantUnit>(
    conn,
    sql`select u.id, u.code, u.name_vi as "nameVi", u.name_en as "nameEn", u.kind::text as kind, p.level
        from units u join unit_placements p on p.unit_id = u.id
        where u.id = any(${intArray(ids)}::int[])
          and p.valid_from <= ${today}::date and (p.valid_to is null or p.valid_to > ${today}::date)
        order by p.level, u.code`,
  );
  const roots: GrantUnit[] = [];
  for (const unit of placed) {
    const above = (await ancestorIds(conn, unit.id, today)).slice(1);
    if (!above.some((id) => ids.includes(id))) roots.push(unit);
  }
  return roots;
}

const named = (u: ScopeUnit): ScopeUnit => ({ id: u.id, code: u.code, nameVi: u.nameVi, nameEn: u.nameEn });

/**
 * The screen's unit: the one asked for, else the caller's broadest territorial grant root (a
 * district's approver sees the district, a commune's reporter the commune), else, for a caller
 * whose grants are all on departments, the plan's scope unit. A unit asked for must lie in the
 * caller's scope or be the plan's scope unit (403 OUT_OF_SCOPE otherwise; 404 when unknown).
 * The caller has passed assertPlanReader first.
 */
export async function iocScope(
  conn: Conn,
  principal: Principal,
  plan: PlanRow,
  asked: string | undefined,
  today: string,
): Promise<IocScope> {
  const roots = await grantRoots(conn, principal, today);
  const choices = [named(plan.scopeUnit), ...roots.filter((r) => r.id !== plan.scopeUnit.id).map(named)];
  const unit: ScopeUnit = asked
    ? named(await unitByCode(conn, asked, today, "unit"))
    : (roots.find((r) => r.kind === "territorial") ?? plan.scopeUnit);
  const full = await unitInScope(conn, principal, roles, unit.id, today);
  if (!full && unit.id !== plan.scopeUnit.id) throw new AppError("OUT_OF_SCOPE", { unit: unit.code });
  const granted = new Set(principal.grants.map((g) => g.unitCode));
  return {
    unit: named(unit),
    reach: full ? "full" : "plan",
    reader: viewerOver(principal, unit),
    shows: full ? () => true : (code) => granted.has(code),
    choices,
  };
}
