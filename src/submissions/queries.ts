import { sql } from "drizzle-orm";
import { type Principal, scopeRoots } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { formatPeriod, parsePeriod, previousPeriod, vietnamDate } from "../domain/period/index.ts";
import { isTimeLocked } from "../domain/report/index.ts";
import { subtreeIdsOn } from "../units/tree.ts";
import { authorize, readerRoles } from "./access.ts";
import { type FormMetric, fitFormContext, loadFormContextById } from "./context.ts";
import { periodDates } from "./period.ts";
import type { Status } from "./schema.ts";
import { getSubmission, loadValues, type ValueRecord } from "./store.ts";
import { unitOf } from "./units.ts";
import { type ApiValue, apiValue } from "./values.ts";

export interface SubmissionSummary {
  id: number;
  form: string;
  unit: string;
  unitName: string;
  period: string;
  periodEnd: string;
  status: Status;
  version: number;
  dueDate: string;
  late: boolean;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ListFilter {
  form?: string;
  period?: string;
  unit?: string;
  status?: Status;
}

/** Keeps the rows whose unit lies in one of the root subtrees, in the tree of each row's period end. */
async function inSubtrees<T extends { unitId: number; periodEnd: string }>(
  conn: Conn,
  rows: T[],
  roots: number[],
) {
  const trees = await subtreeIdsOn(conn, roots, [...new Set(rows.map((r) => r.periodEnd))]);
  const byEnd = new Map([...trees].map(([end, ids]) => [end, new Set(ids)]));
  return rows.filter((r) => byEnd.get(r.periodEnd)?.has(r.unitId));
}

/** Reports the caller may read, newest period first; `unit` narrows to that unit's subtree. */
export async function listSubmissions(
  conn: Conn,
  principal: Principal,
  filter: ListFilter,
): Promise<SubmissionSummary[]> {
  const rows = await queryRows<SubmissionSummary & { unitId: number }>(
    conn,
    sql`select s.id, f.code as form, u.code as unit, u.name_vi as "unitName", s.unit_id as "unitId", s.period,
               s.period_end::text as "periodEnd", s.status, s.version, s.due_date::text as "dueDate", s.late,
               s.submitted_at as "submittedAt", s.updated_at as "updatedAt"
        from submissions s join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        where (${filter.form ?? null}::text is null or f.code = ${filter.form ?? null})
          and (${filter.period ?? null}::text is null or s.period = ${filter.period ?? null})
          and (${filter.status ?? null}::text is null or s.status::text = ${filter.status ?? null})
        order by s.period_start desc, f.code, u.code`,
  );
  let visible = await inSubtrees(conn, rows, scopeRoots(principal, readerRoles));
  if (filter.unit) {
    const [root] = await queryRows<{ id: number }>(
      conn,
      sql`select id from units where code = ${filter.unit}`,
    );
    visible = root ? await inSubtrees(conn, visible, [root.id]) : [];
  }
  return visible.map(({ unitId: _unitId, ...s }) => ({
    ...s,
    submittedAt: s.submittedAt ? new Date(s.submittedAt).toISOString() : null,
    updatedAt: new Date(s.updatedAt).toISOString(),
  }));
}

interface HistoryEntry {
  action: string;
  at: string;
  by: string;
  status: Status | null;
  reason: string | null;
}

/** Status changes from the audit trail, oldest first. */
async function history(conn: Conn, id: number): Promise<HistoryEntry[]> {
  const rows = await queryRows<{
    action: string;
    at: string;
    by: string;
    after: { status?: Status; reason?: string } | null;
  }>(
    conn,
    sql`select action, at, actor_name as by, after from audit_log
        where object_type = 'submission' and object_id = ${String(id)}
          and action in ('create', 'submit', 'approve', 'return', 'reopen')
        order by id`,
  );
  return rows.map((r) => ({
    action: r.action,
    at: new Date(r.at).toISOString(),
    by: r.by,
    status: r.action === "create" ? "draft" : (r.after?.status ?? null),
    reason: r.after?.reason ?? null,
  }));
}

const shown = (m: FormMetric, v: ValueRecord | undefined): ApiValue => (v ? apiValue(m, v) : null);

async function previousValues(conn: Conn, formId: number, unitId: number, period: string) {
  const prev = formatPeriod(previousPeriod(parsePeriod(period)));
  const [row] = await queryRows<{ id: number }>(
    conn,
    sql`select id from submissions where form_id = ${formId} and unit_id = ${unitId} and period = ${prev}`,
  );
  return { period: prev, values: row ? await loadValues(conn, row.id) : new Map() };
}

/**
 * One report with every metric of its form in order (value, note and last period's value for
 * comparison), its narrative, status, dates, lock and history.
 */
export async function submissionDetail(
  conn: Conn,
  principal: Principal | null,
  id: number,
  now = clock.now(),
) {
  const row = await getSubmission(conn, id);
  const form = fitFormContext(await loadFormContextById(conn, row.formId), row.period, row.unitId);
  const dates = periodDates(form, parsePeriod(row.period));
  const unit = await unitOf(conn, row.unitId);
  await authorize(conn, principal, readerRoles, unit, dates.end);
  const values = await loadValues(conn, row.id);
  const previous = await previousValues(conn, row.formId, row.unitId, row.period);
  return {
    id: row.id,
    form: form.code,
    unit: unit.code,
    unitName: unit.nameVi,
    period: row.period,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    version: row.version,
    dueDate: row.dueDate,
    lockDate: dates.lock,
    locked:
      row.status === "approved" ||
      isTimeLocked({ today: vietnamDate(now), lock: dates.lock, now, reopenedUntil: row.reopenedUntil }),
    late: row.late,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    reopenedUntil: row.reopenedUntil?.toISOString() ?? null,
    narrative: row.narrative,
    previousPeriod: previous.period,
    values: form.metrics.map((m) => ({
      metric: m.code,
      value: shown(m, values.get(m.id)),
      comment: values.get(m.id)?.comment ?? null,
      previousValue: shown(m, previous.values.get(m.id)),
    })),
    history: await history(conn, row.id),
  };
}
