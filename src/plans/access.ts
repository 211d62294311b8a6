import { hasRole, type Principal, requireRole, roles, unitInScope } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { ancestorIds } from "../units/tree.ts";
import type { IndicatorRow, PlanRow, UnitRef } from "./store.ts";

/**
 * Who may do what with a plan. A null principal is the system's own authority (demo loader,
 * CLI): it skips these checks, never validation.
 *
 * - read (plans, statuses, history, report data, evidence): anyone with a role over the plan's
 *   scope unit or over a unit inside it. The plan is the province's: its statuses and figures
 *   are what the Sở publishes to every department and locality of the province.
 * - manage (plans, pillars, indicators, documents, figures): admins over the scope unit.
 * - progress: reporters and approvers of a responsible unit (and admins over the scope).
 * - declare and override statuses: admins over the scope, or approvers of the reporting unit
 *   (the Sở's leaders, who sign the report).
 */

async function grantInside(conn: Conn, principal: Principal, root: UnitRef, asOf: string): Promise<boolean> {
  for (const grant of principal.grants) {
    if ((await ancestorIds(conn, grant.unitId, asOf)).includes(root.id)) return true;
  }
  return false;
}

export async function assertPlanReader(
  conn: Conn,
  principal: Principal | null,
  plan: PlanRow,
): Promise<void> {
  if (!principal) return;
  requireRole(principal, roles);
  const today = clock.today();
  if (await unitInScope(conn, principal, roles, plan.scopeUnit.id, today)) return;
  if (await grantInside(conn, principal, plan.scopeUnit, today)) return;
  throw new AppError("OUT_OF_SCOPE", { unit: plan.scopeUnit.code });
}

/** Admin over `scope` (the plan's scope unit, or the one a new plan names). */
export async function assertPlanManager(
  conn: Conn,
  principal: Principal | null,
  scope: UnitRef,
): Promise<void> {
  if (!principal) return;
  requireRole(principal, ["admin"]);
  if (!(await unitInScope(conn, principal, ["admin"], scope.id, clock.today()))) {
    throw new AppError("OUT_OF_SCOPE", { unit: scope.code });
  }
}

export async function assertProgressAuthor(
  conn: Conn,
  principal: Principal | null,
  plan: PlanRow,
  indicator: IndicatorRow,
  responsibleIds: readonly number[],
): Promise<void> {
  if (!principal) return;
  requireRole(principal, ["reporter", "approver"]);
  const today = clock.today();
  if (await unitInScope(conn, principal, ["admin"], plan.scopeUnit.id, today)) return;
  for (const unitId of responsibleIds) {
    if (await unitInScope(conn, principal, ["reporter", "approver"], unitId, today)) return;
  }
  throw new AppError("NOT_RESPONSIBLE_UNIT", { indicator: indicator.code });
}

/**
 * Whether the principal may declare or override statuses (admins over the plan's scope,
 * approvers of its reporting unit); the system may.
 */
export async function mayJudgeStatus(
  conn: Conn,
  principal: Principal | null,
  plan: PlanRow,
): Promise<boolean> {
  if (!principal) return true;
  if (!hasRole(principal, ["approver"])) return false;
  const today = clock.today();
  return (
    (await unitInScope(conn, principal, ["admin"], plan.scopeUnit.id, today)) ||
    (await unitInScope(conn, principal, ["approver"], plan.reportingUnit.id, today))
  );
}

export async function assertStatusJudge(
  conn: Conn,
  principal: Principal | null,
  plan: PlanRow,
): Promise<void> {
  if (principal) requireRole(principal, ["approver"]);
  if (!(await mayJudgeStatus(conn, principal, plan))) {
    throw new AppError("OUT_OF_SCOPE", { unit: plan.reportingUnit.code });
  }
}

/**
 * The authority the plan's figures are read with: a viewer over the scope unit. Callers have
 * passed assertPlanReader first, so this never shows a reader more than the plan publishes.
 */
export function planReader(plan: PlanRow, principal: Principal | null): Principal {
  return {
    userId: principal?.userId ?? 0,
    username: principal?.username ?? "system",
    displayName: principal?.displayName ?? "system",
    locale: principal?.locale ?? "vi",
    grants: [{ role: "viewer", unitId: plan.scopeUnit.id, unitCode: plan.scopeUnit.code }],
  };
}
