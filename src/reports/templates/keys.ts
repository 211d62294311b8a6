import type { VarSpec } from "../template/index.ts";

const named = { list: { name: "text", sample: "flag" } } as const;
const counts = {
  planShortName: "text",
  total: "number",
  done: "number",
  likely: "number",
  atRisk: "number",
  dependent: "number",
  discontinued: "number",
  noData: "number",
} as const;

/**
 * Every template of the report and the variables it may use. Text and numbers print; flags and
 * lists drive `#if` and `#each`. An admin's template is refused when it uses anything else.
 */
export const TEMPLATE_SPECS = {
  "header.parentBody": { parent: "text" },
  "header.number": { abbrev: "text" },
  "header.nation": {},
  "header.motto": {},
  "header.placeDate": { place: "text", date: "text" },
  "title.kind": {},
  "title.subject": { planName: "text", period: "text" },
  "plan.shortName": { planName: "text", year: "text" },
  opening: { reporter: "text", planName: "text", planDocument: "text", planIssuer: "text", period: "text" },
  "section.results": {},
  "reporting.summary": {
    period: "text",
    expected: "number",
    approved: "number",
    onTime: "number",
    late: "number",
    missing: "number",
  },
  "plan.summary": { ...counts, period: "text" },
  "pillar.heading": { pillar: "text" },
  "pillar.summary": {
    ...counts,
    likelyItems: named,
    atRiskItems: { list: { name: "text", sample: "flag", reason: "text" } },
    dependentGroups: { list: { body: "text", items: named } },
    discontinuedItems: { list: { name: "text", sample: "flag", decision: "text" } },
    noDataItems: named,
  },
  "pillar.figures": { period: "text" },
  "figure.item": {
    label: "text",
    value: "text",
    whole: "text",
    unit: "text",
    share: "text",
    previous: "text",
  },
  "documents.heading": {},
  "documents.intro": {},
  "document.item": { number: "text", date: "text", issuer: "text", summary: "text", sample: "flag" },
  "section.difficulties": {},
  "section.proposals": {},
  "narrative.item": { text: "text", units: { list: { name: "text" } }, more: "number" },
  "difficulties.none": {},
  "proposals.none": {},
  closing: { reporter: "text", recipient: "text", period: "text" },
  recipients: { recipient: "text", abbrev: "text" },
  "signature.title": {},
  "signature.name": {},
  "appendix.title": {},
  "appendix.subject": { planShortName: "text", period: "text" },
  "appendix.reference": { abbrev: "text", date: "text", reporter: "text" },
  "table.indicator": { name: "text", code: "text", sample: "flag" },
  "table.status": { status: "text", overridden: "flag" },
  "table.reason": { reason: "text", dependsOn: "text", decision: "text" },
  "status.done": {},
  "status.likely": {},
  "status.at_risk": {},
  "status.dependent": {},
  "status.discontinued": {},
  "status.no_data": {},
  "milestone.reached": {},
  "milestone.pending": {},
  "value.noData": {},
} as const satisfies Record<string, VarSpec>;

export type TemplateSpecs = typeof TEMPLATE_SPECS;
export type TemplateKey = keyof TemplateSpecs;
export const TEMPLATE_KEYS = Object.keys(TEMPLATE_SPECS) as [TemplateKey, ...TemplateKey[]];

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(TEMPLATE_SPECS, key);
}
