import type { Principal } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import {
  dueDate,
  formatPeriod,
  isLocked,
  labelEn,
  labelVi,
  lockDate,
  type Period,
  parsePeriod,
  periodOf,
  reportingWindow,
  shiftPeriod,
  vietnamDate,
} from "../domain/period/index.ts";
import { subtreeIds } from "../units/tree.ts";
import type { WorkItem, Worklist, WorkState } from "./schema.ts";
import { type Assignment, assignments as assignmentsOf, type ReportRow, reportsOf } from "./store.ts";

/** How many recent periods of each form the list looks back over. */
export const LOOK_BACK = 12;

const order: Record<WorkState, number> = { returned: 0, overdue: 1, due: 2, open: 3, submitted: 4 };

/** The recent periods of a form already open on `today` (its data window has begun), oldest first. */
function recentPeriods(a: Assignment, today: string): Period[] {
  const current = periodOf(a.periodType, today);
  const first = a.openFrom ? parsePeriod(a.openFrom, a.periodType) : null;
  const out: Period[] = [];
  for (let i = LOOK_BACK - 1; i >= -1; i--) {
    const p = shiftPeriod(current, -i);
    if (first && formatPeriod(p) < formatPeriod(first)) continue;
    if (reportingWindow(p, a.dueRule).start <= today) out.push(p);
  }
  return out;
}

function stateOf(report: ReportRow | undefined, today: string, due: string, cutOff: string): WorkState {
  if (report?.status === "returned") return "returned";
  if (report?.status === "submitted") return "submitted";
  if (today <= cutOff) return "open";
  return today > due ? "overdue" : "due";
}

function item(
  a: Assignment,
  p: Period,
  report: ReportRow | undefined,
  today: string,
): WorkItem | "locked" | null {
  if (report?.status === "approved") return null;
  const due = report?.dueDate ?? dueDate(p, a.dueRule);
  const lock = lockDate(due, a.lockAfterDays);
  // A report never sent that is past its lock can only be reopened by an admin: counted, not listed.
  if (!report && isLocked(today, lock)) return "locked";
  return {
    state: stateOf(report, today, due, reportingWindow(p, a.dueRule).end),
    form: a.form,
    formNameVi: a.formNameVi,
    formNameEn: a.formNameEn,
    unit: a.unit,
    unitNameVi: a.unitNameVi,
    unitNameEn: a.unitNameEn,
    period: formatPeriod(p),
    periodLabelVi: labelVi(p),
    periodLabelEn: labelEn(p),
    dueDate: due,
    lockDate: lock,
    submissionId: report?.id ?? null,
    status: report ? (report.status as WorkItem["status"]) : "none",
    version: report?.version ?? null,
    returnReason: report?.returnReason ?? null,
  };
}

/**
 * Việc cần làm of a reporter: for every form assigned to a unit under the caller's reporter
 * grants, the reports of the recent periods still to send (due, overdue), sent back with a
 * reason (returned), being written for the running period (open), or waiting for approval.
 * Drafts and returned reports of older periods are listed too. Only reporter grants count: an
 * admin's scope is the whole province, not a to-do list.
 */
export async function worklist(conn: Conn, principal: Principal, now = clock.now()): Promise<Worklist> {
  const today = vietnamDate(now);
  const roots = principal.grants.filter((g) => g.role === "reporter").map((g) => g.unitId);
  const unitIds = await subtreeIds(conn, [...new Set(roots)], today);
  const assigned = await assignmentsOf(conn, unitIds, today);
  const periodsOf = new Map(assigned.map((a) => [a, recentPeriods(a, today)]));
  const ids = [...new Set([...periodsOf.values()].flat().map(formatPeriod))];
  const reports = await reportsOf(conn, unitIds, ids);
  const byKey = new Map(reports.map((r) => [`${r.form}|${r.unit}|${r.period}`, r]));
  const items: WorkItem[] = [];
  let lockedMissing = 0;
  for (const [a, periods] of periodsOf) {
    const seen = new Set<string>();
    for (const p of periods) {
      const key = `${a.form}|${a.unit}|${formatPeriod(p)}`;
      seen.add(key);
      const it = item(a, p, byKey.get(key), today);
      if (it === "locked") lockedMissing++;
      else if (it) items.push(it);
    }
    for (const r of reports) {
      const key = `${r.form}|${r.unit}|${r.period}`;
      if (r.form !== a.form || r.unit !== a.unit || seen.has(key) || r.status === "approved") continue;
      const it = item(a, parsePeriod(r.period, a.periodType), r, today);
      if (it && it !== "locked") items.push(it);
    }
  }
  items.sort((x, y) => order[x.state] - order[y.state] || y.period.localeCompare(x.period));
  return { today, items, lockedMissing };
}
