import { FINAL_STATUSES } from "../domain/plan/index.ts";
import type { FinalStatus, IndicatorReport, PlanReportData } from "../plans/report-data.ts";
import { clause, indicatorValueText, pick } from "./compose-values.ts";
import type { IndicatorRow, IndicatorTable, ReportTables } from "./document.ts";
import { labelsFor } from "./labels.ts";
import { renderKey, type TemplateSet } from "./templates/index.ts";

/** Each status in words, from the status.* templates. */
export function statusNames(set: TemplateSet): Record<FinalStatus, string> {
  const names = FINAL_STATUSES.map((s) => [s, renderKey(set, `status.${s}`, {})]);
  return Object.fromEntries(names) as Record<FinalStatus, string>;
}

/** The unit column of the spreadsheet: none for a milestone, whose cells say its state. */
function unitOf(i: IndicatorReport): string {
  if (i.kind === "percent") return "%";
  if (i.kind === "milestone") return "";
  return i.unitOfMeasureVi ?? "";
}

/** A figure as a number a spreadsheet can add up, or for a milestone its state in words. */
function cellValue<T extends number | null>(set: TemplateSet, i: IndicatorReport, x: T): T | string {
  return i.kind === "milestone" && x !== null ? indicatorValueText(set, i, x) : x;
}

function indicatorRow(
  set: TemplateSet,
  pillar: string,
  i: IndicatorReport,
  names: Record<FinalStatus, string>,
) {
  const row: IndicatorRow = {
    pillar,
    code: i.code,
    name: pick(set, i.nameVi, i.nameEn),
    target: cellValue(set, i, i.target),
    value: cellValue(set, i, i.value),
    unit: unitOf(i),
    status: i.status,
    statusText: renderKey(set, "table.status", { status: names[i.status], overridden: i.overridden }),
    reason: renderKey(set, "table.reason", {
      reason: i.reasonVi === null ? null : clause(pick(set, i.reasonVi, i.reasonEn)),
      dependsOn: i.dependsOnVi,
      decision: i.decisionVi,
    }),
    sample: i.sample,
  };
  const cells = [
    renderKey(set, "table.indicator", { name: row.name, code: i.code, sample: i.sample }),
    indicatorValueText(set, i, i.target),
    indicatorValueText(set, i, i.value),
    row.statusText,
    row.reason,
  ];
  return { row, cells };
}

/** The appendix table (words) and the spreadsheet rows (numbers) from the same pass. */
export function composeTables(
  set: TemplateSet,
  data: PlanReportData,
): { table: IndicatorTable; tables: ReportTables } {
  const names = statusNames(set);
  const rows: IndicatorRow[] = [];
  let n = 0;
  const groups = data.pillars
    .filter((p) => p.indicators.length > 0)
    .map((p, g) => {
      const pillar = pick(set, p.nameVi, p.nameEn);
      const groupRows = p.indicators.map((i) => {
        const { row, cells } = indicatorRow(set, pillar, i, names);
        rows.push(row);
        n += 1;
        return [String(n), ...cells];
      });
      return { number: String(g + 1), heading: pillar, rows: groupRows };
    });
  const figures = data.pillars.flatMap((p) =>
    p.figures.map((f) => ({
      pillar: pick(set, p.nameVi, p.nameEn),
      code: f.metricCode,
      label: pick(set, f.labelVi, f.labelEn),
      value: f.value,
      unit: f.unitOfMeasureVi ?? "",
      share: f.sharePercent,
      previous: f.previousValue,
    })),
  );
  return {
    table: { columns: labelsFor(set.lang).tableColumns, groups },
    tables: {
      indicators: rows,
      figures,
      pillars: data.pillars.map((p) => ({ name: pick(set, p.nameVi, p.nameEn), counts: p.counts })),
      totals: data.totals,
      statusNames: names,
    },
  };
}
