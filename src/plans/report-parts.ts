import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { englishUnitName, withoutTypeWord } from "../domain/format/index.ts";
import { AppError } from "../errors/app-error.ts";
import { parseChecked } from "../metrics/expression.ts";
import { completeness } from "../submissions/completeness.ts";
import type { IndicatorStatus } from "./evaluate.ts";
import type { PlanMonth } from "./periods.ts";
import type { FigureRow } from "./queries.ts";
import type { IndicatorReport, PlanReportData } from "./report-data.ts";
import type { IndicatorRow, PlanRow } from "./store.ts";

/** Pieces of the report data that each read one thing. */

const refsOf = (formula: string | null) => {
  const parsed = formula ? parseChecked(formula) : null;
  return parsed?.ok ? parsed.refs : [];
};

/** The metrics the plan reads, with the parts of formula metrics followed down to reported ones. */
async function planMetrics(conn: Conn, indicators: readonly IndicatorRow[], figures: readonly FigureRow[]) {
  const formulas = new Map(
    (
      await queryRows<{ code: string; formula: string | null }>(conn, sql`select code, formula from metrics`)
    ).map((m) => [m.code, m.formula]),
  );
  const pending = [
    ...indicators.flatMap((i) => refsOf(i.formula)),
    ...figures.flatMap((f) => [
      ...(f.formula ? refsOf(f.formula) : [f.code]),
      ...(f.shareOf ? [f.shareOf] : []),
    ]),
  ];
  const seen = new Set<string>();
  for (let code = pending.pop(); code !== undefined; code = pending.pop()) {
    if (seen.has(code)) continue;
    seen.add(code);
    pending.push(...refsOf(formulas.get(code) ?? null));
  }
  return [...seen];
}

/** The monthly forms that carry a metric the plan reads: the reports behind its figures. */
export async function feedingForms(
  conn: Conn,
  indicators: readonly IndicatorRow[],
  figures: readonly FigureRow[],
) {
  const codes = await planMetrics(conn, indicators, figures);
  if (codes.length === 0) return [];
  const rows = await queryRows<{ code: string }>(
    conn,
    sql`select distinct f.code from forms f join form_metrics fm on fm.form_id = f.id
        join metrics m on m.id = fm.metric_id
        where m.code in ${codes} and f.period_type = 'month' order by f.code`,
  );
  return rows.map((r) => r.code);
}

/** 422 NO_APPROVED_DATA unless a feeding report of the month is approved or a progress update was entered. */
export async function assertHasData(
  conn: Conn,
  plan: PlanRow,
  month: PlanMonth,
  formCodes: readonly string[],
  unitIds: readonly number[],
): Promise<void> {
  const [approved] =
    formCodes.length && unitIds.length
      ? await queryRows<{ n: number }>(
          conn,
          sql`select count(*)::int as n from submissions s join forms f on f.id = s.form_id
              where f.code in ${formCodes} and s.period = ${month.id} and s.status = 'approved'
                and s.unit_id in ${unitIds}`,
        )
      : [{ n: 0 }];
  const [updates] = await queryRows<{ n: number }>(
    conn,
    sql`select count(*)::int as n from plan_progress_updates u join plan_indicators i on i.id = u.indicator_id
        where i.plan_id = ${plan.id} and u.period = ${month.id}`,
  );
  if ((approved?.n ?? 0) + (updates?.n ?? 0) === 0) {
    throw new AppError("NO_APPROVED_DATA", { period: month.id, plan: plan.code });
  }
}

/** Completeness of the feeding reports for the scope unit's subtree, added over the forms. */
export async function reportingOf(
  conn: Conn,
  formCodes: readonly string[],
  month: string,
  scopeCode: string,
) {
  const total = { expected: 0, approved: 0, onTime: 0, late: 0, missing: 0 };
  const dues: string[] = [];
  for (const form of formCodes) {
    const c = await completeness(conn, null, { form, period: month, unit: scopeCode });
    total.expected += c.expected;
    total.approved += c.approved;
    total.onTime += c.onTime;
    total.late += c.late;
    total.missing += c.missing;
    dues.push(c.dueDate);
  }
  // The latest due date: the report is written once every feeding report was due.
  return { reporting: total, due: dues.sort().at(-1) ?? null };
}

/** The reporting unit, its parent (the province) and the place for the date line. */
export async function reporterOf(
  conn: Conn,
  plan: PlanRow,
  month: PlanMonth,
): Promise<PlanReportData["reporter"]> {
  const [parent] = await queryRows<{ nameVi: string; nameEn: string | null; type: string }>(
    conn,
    sql`select u.name_vi as "nameVi", u.name_en as "nameEn", u.type from unit_placements p join units u on u.id = p.parent_id
        where p.unit_id = ${plan.reportingUnit.id} and p.valid_from <= ${month.end}::date
          and (p.valid_to is null or p.valid_to > ${month.end}::date)`,
  );
  const [scope] = await queryRows<{ nameVi: string; nameEn: string | null; type: string }>(
    conn,
    sql`select name_vi as "nameVi", name_en as "nameEn", type from units where id = ${plan.scopeUnit.id}`,
  );
  const place = parent ?? scope;
  return {
    unitCode: plan.reportingUnit.code,
    nameVi: plan.reportingUnit.nameVi,
    nameEn: plan.reportingUnit.nameEn,
    parentNameVi: place?.nameVi ?? plan.scopeUnit.nameVi,
    parentNameEn: place ? (place.nameEn ?? englishUnitName(place.nameVi, place.type)) : null,
    placeVi: place ? withoutTypeWord(place.nameVi, place.type) : plan.scopeUnit.nameVi,
  };
}

/** The note of each indicator's latest progress update of the month: what its owner says. */
export async function monthNotes(conn: Conn, plan: PlanRow, month: string): Promise<Map<number, string>> {
  const rows = await queryRows<{ indicatorId: number; note: string }>(
    conn,
    sql`select distinct on (u.indicator_id) u.indicator_id as "indicatorId", u.note
        from plan_progress_updates u join plan_indicators i on i.id = u.indicator_id
        where i.plan_id = ${plan.id} and u.period = ${month} and u.note is not null
        order by u.indicator_id, u.created_at desc, u.id desc`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r.note]));
}

/** "note. explanation", or either alone. */
function withNote(note: string | undefined, explanation: string): string {
  if (!note) return explanation;
  return /[.!?]$/.test(note) ? `${note} ${explanation}` : `${note}. ${explanation}`;
}

/**
 * An indicator as the report tells it. The reason is the declaration's or the override's; for
 * a computed status other than done, the owner's note of the month (the cause, when written)
 * followed by the rule's explanation.
 */
export function indicatorReport(s: IndicatorStatus, note: string | undefined): IndicatorReport {
  const { indicator: i, resolved: r } = s;
  const explained = r.source === "computed" && r.status !== "done";
  return {
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    kind: i.kind,
    direction: i.direction,
    target: i.target,
    value: r.computed.current,
    unitOfMeasureVi: i.unitOfMeasureVi,
    deadline: i.deadline,
    status: r.status,
    computedStatus: r.computed.status,
    overridden: r.overridden,
    reasonVi: explained ? withNote(note, r.computed.explanationVi) : (r.reason ?? null),
    reasonEn: explained ? r.computed.explanationEn : null,
    dependsOnVi: r.declared?.kind === "dependent" ? r.declared.body : null,
    decisionVi: r.declared?.kind === "discontinued" ? r.declared.decision : null,
    sample: i.sample,
  };
}
