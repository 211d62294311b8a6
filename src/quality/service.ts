import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { formatPeriod, periodEnd, tryParsePeriod } from "../domain/period/index.ts";
import { fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { authorize, readerRoles } from "../submissions/access.ts";
import { loadFormContext, loadFormContextById } from "../submissions/context.ts";
import { listSubmissions } from "../submissions/queries.ts";
import { getSubmission, loadValues } from "../submissions/store.ts";
import { unitOf } from "../submissions/units.ts";
import { unitByCode } from "../units/service.ts";
import { type FlaggedValue, formValues, periodsBefore, qualityIndex } from "./load.ts";

export const followUpStatuses = ["confirmed", "corrected"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export interface FollowUp {
  status: FollowUpStatus;
  note: string | null;
  by: string;
  at: string;
}

async function followUpsOf(conn: Conn, submissionIds: readonly number[]) {
  const rows = await queryRows<FollowUp & { submissionId: number; metricId: number }>(
    conn,
    sql`select submission_id as "submissionId", metric_id as "metricId", status, note, by_name as by, at
        from quality_follow_ups where submission_id = any(${intArray(submissionIds)}::int[])`,
  );
  return new Map(
    rows.map((r) => [
      `${r.submissionId}|${r.metricId}`,
      { status: r.status, note: r.note, by: r.by, at: new Date(r.at).toISOString() },
    ]),
  );
}

const numericOnly = (values: Map<number, { value: number | null; comment: string | null }>) =>
  new Map(
    [...values].flatMap(([id, v]) =>
      v.value === null ? [] : [[id, { value: v.value, comment: v.comment }] as const],
    ),
  );

/** The flagged values of one report (for the entry form and the approver), with their follow-ups. */
export async function reportQuality(conn: Conn, principal: Principal | null, id: number) {
  const row = await getSubmission(conn, id);
  const unit = await unitOf(conn, row.unitId);
  await authorize(conn, principal, readerRoles, unit, row.periodEnd);
  const form = await loadFormContextById(conn, row.formId);
  const rows = await formValues(conn, form.id, [...periodsBefore(row.period), row.period]);
  const check = qualityIndex(form, row.period, rows);
  const flagged = check({ unitId: row.unitId }, numericOnly(await loadValues(conn, row.id)));
  const follow = await followUpsOf(conn, [row.id]);
  return {
    id: row.id,
    form: form.code,
    unit: unit.code,
    period: row.period,
    values: flagged.map((v) => ({
      ...v,
      followUp: follow.get(`${row.id}|${form.byCode.get(v.metric)?.id}`) ?? null,
    })),
  };
}

/** Every flagged value of a form's reports of one period within the caller's scope, by unit then metric. */
export async function outliers(
  conn: Conn,
  principal: Principal,
  query: { form: string; period: string; unit?: string | undefined },
) {
  const form = await loadFormContext(conn, query.form);
  const parsed = tryParsePeriod(query.period, form.periodType);
  if (!parsed.ok) throw invalid(fieldIssue("period", parsed.error.messageVi, parsed.error.messageEn));
  query.period = formatPeriod(parsed.period);
  if (query.unit) {
    // A unit named outside the caller's scope is refused, not answered with an empty list.
    const unit = await unitByCode(conn, query.unit);
    await authorize(conn, principal, readerRoles, unit, periodEnd(parsed.period));
  }
  const reports = await listSubmissions(conn, principal, {
    form: form.code,
    period: query.period,
    unit: query.unit,
  });
  const rows = await formValues(conn, form.id, [...periodsBefore(query.period), query.period]);
  const check = qualityIndex(form, query.period, rows);
  const own = new Map<number, Map<number, { value: number; comment: string | null }>>();
  for (const r of rows) {
    if (r.period !== query.period) continue;
    const m = own.get(r.submissionId) ?? new Map();
    m.set(r.metricId, { value: r.value, comment: r.comment });
    own.set(r.submissionId, m);
  }
  const codes = reports.map((r) => r.unit);
  const units = new Map(
    (
      await queryRows<{ id: number; code: string }>(
        conn,
        sql`select id, code from units where code = any(${textArray(codes)}::text[])`,
      )
    ).map((u) => [u.code, u.id]),
  );
  const follow = await followUpsOf(
    conn,
    reports.map((r) => r.id),
  );
  const items: (FlaggedValue & {
    submission: number;
    unit: string;
    unitName: string;
    status: string;
    followUp: FollowUp | null;
  })[] = [];
  for (const r of reports) {
    const unitId = units.get(r.unit);
    if (unitId === undefined) continue;
    for (const v of check({ unitId }, own.get(r.id) ?? new Map())) {
      const metricId = form.byCode.get(v.metric)?.id;
      items.push({
        submission: r.id,
        unit: r.unit,
        unitName: r.unitName,
        status: r.status,
        ...v,
        followUp: follow.get(`${r.id}|${metricId}`) ?? null,
      });
    }
  }
  items.sort((a, b) => a.unit.localeCompare(b.unit) || a.metric.localeCompare(b.metric));
  return { form: form.code, period: query.period, reports: reports.length, items };
}

/** Records what became of a flagged value (confirmed as true, or corrected), audited. */
export async function setFollowUp(
  conn: Conn,
  actor: Actor,
  principal: Principal | null,
  input: { submission: number; metric: string; status: FollowUpStatus; note?: string | null | undefined },
  now = clock.now(),
) {
  const row = await getSubmission(conn, input.submission);
  const unit = await unitOf(conn, row.unitId);
  await authorize(conn, principal, ["approver"], unit, row.periodEnd);
  const form = await loadFormContextById(conn, row.formId);
  const metric = form.versions.flatMap((v) => v.metrics).find((m) => m.code === input.metric);
  if (!metric) throw notFound("chỉ số của biểu mẫu", "metric of the form", input.metric);
  const note = input.note?.trim() ? input.note.trim().normalize("NFC") : null;
  return conn.transaction(async (tx) => {
    const [before] = await queryRows<{ status: string; note: string | null }>(
      tx,
      sql`select status, note from quality_follow_ups where submission_id = ${row.id} and metric_id = ${metric.id} for update`,
    );
    await tx.execute(
      sql`insert into quality_follow_ups (submission_id, metric_id, status, note, by_user, by_name, at)
          values (${row.id}, ${metric.id}, ${input.status}, ${note}, ${actor.userId}, ${actor.name}, ${now.toISOString()})
          on conflict (submission_id, metric_id) do update
          set status = excluded.status, note = excluded.note, by_user = excluded.by_user,
              by_name = excluded.by_name, at = excluded.at`,
    );
    await recordAudit(tx, actor, {
      action: "follow_up",
      objectType: "quality_follow_up",
      objectId: `${row.id}:${metric.code}`,
      before: before ?? null,
      after: {
        report: row.id,
        unit: unit.code,
        period: row.period,
        metric: metric.code,
        status: input.status,
        note,
      },
    });
    return {
      submission: row.id,
      metric: metric.code,
      status: input.status,
      note,
      by: actor.name,
      at: now.toISOString(),
    };
  });
}
