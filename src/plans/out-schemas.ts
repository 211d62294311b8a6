import { z } from "zod";

/** The answers of the plan routes, for the OpenAPI document. */

const unitRef = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
});
const nullableText = z.string().nullable();
const statuses = z.enum(["done", "likely", "at_risk", "dependent", "discontinued", "no_data"]);
const ruleIds = z.enum(["R1", "R2", "R3", "R4", "R5", "R6", "M4", "M5"]);

export const counts = z.object({
  total: z.number(),
  done: z.number(),
  likely: z.number(),
  at_risk: z.number(),
  dependent: z.number(),
  discontinued: z.number(),
  no_data: z.number(),
});

export const planOut = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: nullableText,
  year: z.number(),
  status: z.enum(["draft", "active", "closed"]),
  issuingBodyVi: z.string(),
  issuingBodyEn: nullableText,
  documentRefVi: nullableText,
  reportingUnit: unitRef,
  scopeUnit: unitRef,
});

export const pillarOut = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: nullableText,
  position: z.number(),
});

export const indicatorOut = z.object({
  id: z.number(),
  pillar: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: nullableText,
  kind: z.enum(["numeric", "percent", "milestone", "unit_count"]),
  direction: z.enum(["up", "down"]),
  baseline: z.number().nullable(),
  baselineDate: z.string(),
  target: z.number(),
  deadline: z.string(),
  unitTotal: z.number().nullable(),
  unitOfMeasureVi: nullableText,
  source: z.enum(["formula", "progress"]),
  formula: nullableText,
  position: z.number(),
  sample: z.boolean(),
  notes: nullableText,
  responsibleUnits: z.array(z.string()),
});

export const figureOut = z.object({
  id: z.number(),
  pillar: z.string(),
  code: z.string(),
  formula: nullableText,
  shareOf: nullableText,
  labelVi: nullableText,
  labelEn: nullableText,
  unitOfMeasureVi: nullableText,
  decimals: z.number().nullable(),
  byLevel: z.boolean(),
  position: z.number(),
});

export const documentOut = z.object({
  id: z.number(),
  pillar: nullableText,
  number: z.string(),
  date: z.string(),
  issuerVi: z.string(),
  summaryVi: z.string(),
  summaryEn: nullableText,
  sample: z.boolean(),
});

export const planDetailOut = planOut.extend({
  pillars: z.array(pillarOut.extend({ figures: z.array(figureOut) })),
  indicators: z.array(indicatorOut),
  documents: z.array(documentOut),
});

export const progressOut = z.object({
  id: z.number(),
  period: z.string(),
  value: z.number(),
  note: nullableText,
  evidence: z.object({
    number: nullableText,
    date: nullableText,
    link: nullableText,
    file: z.object({ name: z.string(), type: z.string(), size: z.number(), sha256: z.string() }).nullable(),
  }),
  by: z.string(),
  at: z.string(),
});

export const declarationOut = z.object({
  id: z.number(),
  kind: z.enum(["dependent", "discontinued", "cleared"]),
  body: nullableText,
  decision: nullableText,
  reason: z.string(),
  fromPeriod: z.string(),
  by: z.string(),
  at: z.string(),
});

export const overrideOut = z.object({
  id: z.number(),
  period: z.string(),
  status: z.enum(["done", "likely", "at_risk"]),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

export const indicatorDetailOut = indicatorOut.extend({
  plan: z.string(),
  progress: z.array(progressOut),
  declarations: z.array(declarationOut),
  overrides: z.array(overrideOut),
});

export const indicatorStatusOut = z.object({
  code: z.string(),
  pillar: z.string(),
  nameVi: z.string(),
  nameEn: nullableText,
  kind: z.string(),
  direction: z.string(),
  source: z.string(),
  sample: z.boolean(),
  baseline: z.number().nullable(),
  target: z.number(),
  unitTotal: z.number().nullable(),
  unitOfMeasureVi: nullableText,
  deadline: z.string(),
  value: z.number().nullable(),
  valuePeriod: nullableText,
  status: statuses,
  computedStatus: statuses,
  ruleId: ruleIds,
  explanationVi: z.string(),
  explanationEn: z.string(),
  progress: z.number().nullable(),
  expectedProgress: z.number(),
  forecast: z.number().nullable(),
  requiredPace: z.number().nullable(),
  decidedBy: z.enum(["computed", "declared", "override"]),
  overridden: z.boolean(),
  reason: nullableText,
  declaration: declarationOut.omit({ id: true }).nullable(),
  override: overrideOut.omit({ id: true, period: true }).nullable(),
});

export const planStatusOut = z.object({
  plan: z.object({ code: z.string(), nameVi: z.string(), nameEn: nullableText, year: z.number() }),
  period: z.object({ id: z.string(), start: z.string(), end: z.string() }),
  totals: counts,
  pillars: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: nullableText, counts })),
  indicators: z.array(indicatorStatusOut),
  canJudge: z.boolean(),
});

const linePoint = z.object({ date: z.string(), value: z.number().nullable() });

export const historyOut = z.object({
  plan: z.string(),
  indicator: z.object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: nullableText,
    kind: z.string(),
    direction: z.string(),
    target: z.number(),
    baseline: z.number().nullable(),
    baselineDate: z.string(),
    deadline: z.string(),
    unitOfMeasureVi: nullableText,
  }),
  to: z.string(),
  points: z.array(
    z.object({
      period: z.string(),
      date: z.string(),
      value: z.number().nullable(),
      current: z.number().nullable(),
      status: statuses,
      computedStatus: statuses,
      ruleId: ruleIds,
      decidedBy: z.enum(["computed", "declared", "override"]),
      overridden: z.boolean(),
      reason: nullableText,
    }),
  ),
  lines: z.object({ expected: z.array(linePoint), forecast: z.array(linePoint), pace: z.array(linePoint) }),
});
