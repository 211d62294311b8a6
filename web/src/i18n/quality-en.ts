import type { qualityVi } from "./quality-vi.ts";

export const qualityEn: typeof qualityVi = {
  nav: "Data quality",
  panelTitle: "Data-quality warnings",
  panelIntro:
    "These values are out of line with the unit's own history or its group's. The report is still saved; check them and add a note explaining them.",
  flaggedMark: "unusual",
  none: "No unusual values.",
  needsComment: "Needs a note explaining it (or a correction if mistyped).",
  commented: (note: string) => `Note: ${note}`,
  rules: {
    history_range: "Outside the unit's usual range",
    month_change: "Unusual change from the previous period",
    peer_group: "Far from its group's values",
  },
  title: "Data quality: outliers",
  intro:
    "The flagged values of a form and period within your scope, by unit and metric, with their follow-up.",
  form: "Form",
  period: "Period (e.g. 202309)",
  show: "Show",
  count: (n: number, reports: number) =>
    `${n} flagged value${n === 1 ? "" : "s"} in ${reports} report${reports === 1 ? "" : "s"}.`,
  unit: "Unit",
  metric: "Metric",
  value: "Value",
  expected: "Expected range",
  why: "Why",
  note: "Unit's note",
  followUp: "Follow-up",
  confirm: "Confirmed as true",
  corrected: "Corrected",
  statuses: { confirmed: "Confirmed as true", corrected: "Corrected" },
  by: (who: string, when: string) => `${who}, ${when}`,
  open: "Open the report",
};
