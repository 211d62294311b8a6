import type { FormInput } from "../../forms/schema.ts";
import type { MetricInput } from "../../metrics/schema.ts";
import type { NewUnit } from "../../units/service.ts";
import { type DemoPeriod, demoPeriods } from "./figures.ts";
import { demoForm } from "./form.ts";
import { demoMetrics } from "./metrics.ts";
import { demoNarrative, type Narrative } from "./narrative.ts";
import { demoUnits } from "./units.ts";
import { allUnits, demoValues, provinceWideReporter, type ReportingGroups, type Values } from "./values.ts";

export { type DemoPeriod, demoPeriods } from "./figures.ts";
export { demoFormCode } from "./form.ts";
export { type DemoUser, demoPassword, demoUsers } from "./logins.ts";
export type { Narrative } from "./narrative.ts";
export { type ReportTimeline, reportTimeline } from "./timeline.ts";
export { provinceCode } from "./units.ts";
export type { Values } from "./values.ts";

/** One unit's monthly report: its figures (blank ones absent) and its narrative. */
export interface DemoReport {
  unitCode: string;
  period: DemoPeriod;
  values: Values;
  narrative: Narrative;
}

/** Bộ dữ liệu mẫu: Đồng Tháp's units, metrics, monthly form and the 08–09/2023 reports. */
export interface DemoDataset {
  units: NewUnit[];
  metrics: MetricInput[];
  form: FormInput;
  reports: DemoReport[];
}

function reportingGroups(units: NewUnit[]): ReportingGroups {
  const of = (group: string) => units.filter((u) => u.groupCode === group);
  return { departments: of("department"), districts: of("district"), communes: of("commune") };
}

/** Builds the whole demo from the seed CSV's text; pure and deterministic. */
export function demoDataset(unitsCsv: string): DemoDataset {
  const units = demoUnits(unitsCsv);
  const groups = reportingGroups(units);
  const reporting = allUnits(groups);
  const values = demoValues(groups);
  const reports = demoPeriods.flatMap((period) =>
    reporting.map((unit) => {
      const unitValues = values[period].get(unit.code) ?? {};
      const narrative = demoNarrative(unit, period, unitValues, unit.code === provinceWideReporter);
      return { unitCode: unit.code, period, values: unitValues, narrative };
    }),
  );
  return { units, metrics: demoMetrics, form: demoForm(reporting.map((u) => u.code)), reports };
}
