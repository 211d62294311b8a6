import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { formatPeriod, labelEn, labelVi, previousPeriod } from "../domain/period/index.ts";
import { countByStatus } from "../domain/plan/index.ts";
import { subtreeIds } from "../units/tree.ts";
import { assertPlanReader, planReader } from "./access.ts";
import { gatherEvidence, planStatusAt } from "./evaluate.ts";
import { keyFigures } from "./figures.ts";
import { approvedNarratives, groupNarratives } from "./narratives.ts";
import { planMonth } from "./periods.ts";
import { documentsOf, figuresOf } from "./queries.ts";
import type { IssuedDocument, PlanReportData } from "./report-data.ts";
import {
  assertHasData,
  feedingForms,
  indicatorReport,
  monthNotes,
  reporterOf,
  reportingOf,
} from "./report-parts.ts";
import { planByCode } from "./store.ts";

export interface ReportOptions {
  /** The day the report is dated; default the due date of the month's unit reports. */
  reportDate?: string;
}

/**
 * Everything the plan report for a month says, computed from the approved reports and the
 * plan's progress updates, declarations and overrides: counts per pillar, indicators with their
 * reasons, key figures with shares and last month's values, documents issued in the plan's year
 * up to the month's end, difficulties and proposals from the units' approved narratives
 * (grouped, attributed) and the completeness of those reports.
 *
 * Errors: 404 for an unknown plan; 400 at `period` for a month outside the plan's year;
 * 422 NO_APPROVED_DATA when no feeding report of the month is approved and no progress was
 * entered. Missing data and divisions by zero give null values, never NaN.
 */
export async function buildPlanReportData(
  conn: Conn,
  principal: Principal | null,
  planCode: string,
  periodId: string,
  options: ReportOptions = {},
): Promise<PlanReportData> {
  const plan = await planByCode(conn, planCode);
  await assertPlanReader(conn, principal, plan);
  const month = planMonth(periodId, plan.year, "period");
  const evidence = await gatherEvidence(conn, principal, plan, month.id);
  const figures = await figuresOf(conn, plan.id);
  const forms = await feedingForms(conn, evidence.indicators, figures);
  const unitIds = await subtreeIds(conn, [plan.scopeUnit.id], month.end);
  await assertHasData(conn, plan, month, forms, unitIds);

  const status = planStatusAt(evidence, month.id);
  const previous = formatPeriod(previousPeriod(month.period));
  const values = await keyFigures(conn, planReader(plan, principal), plan, figures, month, previous);
  const notes = await monthNotes(conn, plan, month.id);
  const narratives = await approvedNarratives(conn, forms, month, unitIds);
  const { reporting, due } = await reportingOf(conn, forms, month.id, plan.scopeUnit.code);
  const countsOf = new Map(status.rollUp.pillars.map((p) => [p.pillar, p.counts]));
  const documents = await documentsOf(conn, plan.id, `${plan.year}-01-01`, month.end);

  return {
    plan: {
      code: plan.code,
      nameVi: plan.nameVi,
      nameEn: plan.nameEn,
      year: plan.year,
      issuingBodyVi: plan.issuingBodyVi,
      issuingBodyEn: plan.issuingBodyEn,
      documentRefVi: plan.documentRefVi,
    },
    reporter: await reporterOf(conn, plan, month),
    period: {
      id: month.id,
      labelVi: labelVi(month.period),
      labelEn: labelEn(month.period),
      start: month.start,
      end: month.end,
    },
    reportDate: options.reportDate ?? due ?? month.end,
    totals: status.rollUp.total,
    pillars: status.pillars.map((p) => ({
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      counts: countsOf.get(p.code) ?? countByStatus([]),
      indicators: status.indicators
        .filter((s) => s.indicator.pillarId === p.id)
        .map((s) => indicatorReport(s, notes.get(s.indicator.id))),
      figures: values.get(p.code) ?? [],
    })),
    documents: documents.map(
      (d): IssuedDocument => ({
        number: d.number,
        date: d.date,
        issuerVi: d.issuerVi,
        summaryVi: d.summaryVi,
        summaryEn: d.summaryEn,
        pillarCode: d.pillar,
        sample: d.sample,
      }),
    ),
    difficulties: groupNarratives(narratives, "difficulties"),
    proposals: groupNarratives(narratives, "proposals"),
    reporting,
  };
}
