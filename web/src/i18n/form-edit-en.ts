import type { FormEditMessages } from "./form-edit-vi.ts";

/** Creating a form and changing its metrics from a period (web/src/pages/admin): English. */
export const formEditEn: FormEditMessages = {
  provinceOnly:
    "Only a province administrator creates and changes forms, their rules and units; you may read them.",
  create: "Create form",
  creating: "Creating…",
  created: (code) => `Form ${code} created.`,
  createTitle: "New form",
  metricsLabel: "The form's metrics",
  basics: "General",
  dueKind: "Due date counted from",
  dueKinds: {
    days_after_end: "Days after the period ends",
    decree09: "Days after the data cut-off (Decree 09)",
  },
  dueDays: "Days",
  lockAfterDays: "Lock reports after (days)",
  lockHint: "Leave empty for no lock.",
  openFrom: "Open from period",
  openFromHint: "A period code such as 202601, 2026Q1, 2026H1, 2026. Empty: every period.",
  submitterMayApprove: "The submitter may approve their own report",
  unitsHint:
    "Codes of the reporting units, separated by commas or new lines. May be left empty and assigned later.",
  metricList: "Metrics",
  noMetrics: "No metric yet. Choose one and press Add metric.",
  position: "No.",
  metric: "Metric",
  addMetric: "Add metric",
  chooseMetric: "Choose a metric",
  groupsOf: (code) => `Unit groups reporting ${code}`,
  groupsHint: "No group chosen: every unit reports it.",
  requiredOf: (code) => `${code} required`,
  moveUp: (code) => `Move ${code} up`,
  moveDown: (code) => `Move ${code} down`,
  remove: (code) => `Remove ${code} from the form`,
  versionTitle: "Change the metrics from a period",
  versionIntro:
    "The change applies from the chosen period; earlier periods (and reports already made) keep the previous version. The current rules are kept.",
  validFrom: "Applies from period",
  saveVersion: "Save the new version",
  versionSaved: (period) => `New version saved, applying from ${period}.`,
  versions: "Versions",
  versionLine: (from, n) => `${from === null ? "First version" : `From ${from}`}: ${n} metrics`,
};
