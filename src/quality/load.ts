import { sql } from "drizzle-orm";
import { textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { formatPeriod, parsePeriod, shiftPeriod } from "../domain/period/index.ts";
import { checkable, defaultQualityOptions, type QualityFlag, qualityFlags } from "../domain/quality/index.ts";
import { type FormContext, fitFormContext } from "../submissions/context.ts";

/** A stored value of a form, with its report's status. */
export interface StoredRow {
  submissionId: number;
  unitId: number;
  period: string;
  status: string;
  metricId: number;
  value: number;
  comment: string | null;
}

/** The periods the rules look back on, oldest first (the window and one more for the first change). */
export function periodsBefore(period: string): string[] {
  const p = parsePeriod(period);
  const n = defaultQualityOptions.window + 1;
  return Array.from({ length: n }, (_, i) => formatPeriod(shiftPeriod(p, i - n)));
}

/** Every numeric value of the form in these periods, whatever the report's status. */
export async function formValues(
  conn: Conn,
  formId: number,
  periods: readonly string[],
): Promise<StoredRow[]> {
  return queryRows<StoredRow>(
    conn,
    sql`select dv.submission_id as "submissionId", dv.unit_id as "unitId", dv.period, s.status::text as status,
               dv.metric_id as "metricId", dv.value, dv.comment
        from data_values dv join submissions s on s.id = dv.submission_id
        where s.form_id = ${formId} and dv.period = any(${textArray(periods)}::text[]) and dv.value is not null`,
  );
}

/** Only submitted and approved reports count as history and as peers: a draft may still change. */
const counted = (r: StoredRow) => r.status === "submitted" || r.status === "approved";

export interface FlaggedValue {
  metric: string;
  metricName: string;
  value: number;
  comment: string | null;
  /** A flagged value without a note: the entry form asks for one. */
  needsComment: boolean;
  flags: QualityFlag[];
}

/** Indexes the values of a form once, to check any number of its reports of one period. */
export function qualityIndex(form: FormContext, period: string, rows: readonly StoredRow[]) {
  const earlier = periodsBefore(period);
  const byKey = new Map<string, number>();
  const peersOf = new Map<number, StoredRow[]>();
  for (const r of rows) {
    if (!counted(r)) continue;
    byKey.set(`${r.unitId}|${r.metricId}|${r.period}`, r.value);
    if (r.period === period) peersOf.set(r.metricId, [...(peersOf.get(r.metricId) ?? []), r]);
  }
  /** The flagged values of one report, given its own values by metric id. */
  return (
    report: { unitId: number },
    own: ReadonlyMap<number, { value: number; comment: string | null }>,
  ) => {
    const fitted = fitFormContext(form, period, report.unitId);
    const group = form.unitGroups.get(report.unitId);
    const out: FlaggedValue[] = [];
    for (const m of fitted.metrics) {
      const mine = own.get(m.id);
      if (!mine || !checkable(m)) continue;
      const history = earlier.map((p) => byKey.get(`${report.unitId}|${m.id}|${p}`) ?? null);
      const peers = (peersOf.get(m.id) ?? [])
        .filter((r) => r.unitId !== report.unitId && form.unitGroups.get(r.unitId) === group)
        .map((r) => r.value);
      const flags = qualityFlags({ metric: m, value: mine.value, history, peers });
      if (flags.length > 0)
        out.push({
          metric: m.code,
          metricName: m.nameVi,
          value: mine.value,
          comment: mine.comment,
          needsComment: !mine.comment,
          flags,
        });
    }
    return out;
  };
}
