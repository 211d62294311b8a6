import { z } from "zod";
import { isoDate } from "../http/schemas.ts";

/** The contracts of the plan routes; services validate with the same schemas (parseInput). */

export const codeSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/,
    "Mã chỉ gồm chữ, số, _ . - (tối đa 40)|Letters, digits, _ . - only (max 40)",
  );
const name = z.string().trim().min(1).max(500);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const metricCode = z.string().regex(/^[A-Z0-9_]{2,40}$/, "Mã chỉ số không hợp lệ|Invalid metric code");
export const monthPeriod = z
  .string()
  .trim()
  .regex(/^\d{4}-?\d{2}$/, "Kỳ phải là tháng, dạng YYYYMM|The period must be a month, YYYYMM");

export const planStatuses = ["draft", "active", "closed"] as const;

export const planInputSchema = z.object({
  code: codeSchema,
  nameVi: name,
  nameEn: optionalText(500),
  year: z.number().int().min(1900).max(2100),
  status: z.enum(planStatuses).default("draft"),
  issuingBodyVi: name,
  issuingBodyEn: optionalText(500),
  documentRefVi: optionalText(500),
  reportingUnitCode: z.string().trim().min(1).max(30),
  scopeUnitCode: z.string().trim().min(1).max(30),
});
export type PlanInput = z.input<typeof planInputSchema>;

export const planPatchSchema = planInputSchema
  .pick({ nameVi: true, nameEn: true, status: true, issuingBodyVi: true, issuingBodyEn: true })
  .extend({ documentRefVi: optionalText(500), status: z.enum(planStatuses) })
  .partial();
export type PlanPatch = z.input<typeof planPatchSchema>;

export const pillarInputSchema = z.object({
  code: codeSchema,
  nameVi: name,
  nameEn: optionalText(500),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type PillarInput = z.input<typeof pillarInputSchema>;

export const indicatorKinds = ["numeric", "percent", "milestone", "unit_count"] as const;
export const indicatorSources = ["formula", "progress"] as const;

const indicatorFields = {
  pillar: codeSchema,
  nameVi: name,
  nameEn: optionalText(500),
  kind: z.enum(indicatorKinds),
  direction: z.enum(["up", "down"]),
  baseline: z.number().finite().nullish(),
  baselineDate: isoDate,
  target: z.number().finite(),
  deadline: isoDate,
  unitTotal: z.number().int().positive().nullish(),
  unitOfMeasureVi: optionalText(100),
  source: z.enum(indicatorSources),
  formula: optionalText(2000),
  position: z.number().int().min(0).max(10_000).optional(),
  sample: z.boolean(),
  notes: optionalText(4000),
  /** Đơn vị chủ trì: unit codes whose reporters and approvers post progress. */
  responsibleUnits: z.array(z.string().trim().min(1).max(30)).max(200),
};

// Defaults belong to a new indicator only: in a patch, an absent field keeps its stored value.
export const indicatorInputSchema = z.object({
  code: codeSchema,
  ...indicatorFields,
  direction: indicatorFields.direction.default("up"),
  sample: indicatorFields.sample.default(false),
  responsibleUnits: indicatorFields.responsibleUnits.default([]),
});
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

export const indicatorPatchSchema = z.object(indicatorFields).partial();
export type IndicatorPatch = z.input<typeof indicatorPatchSchema>;

export const documentInputSchema = z.object({
  pillar: codeSchema.nullish(),
  number: name,
  date: isoDate,
  issuerVi: name,
  summaryVi: z.string().trim().min(1).max(4000),
  summaryEn: optionalText(4000),
  sample: z.boolean().default(false),
});
export type DocumentInput = z.input<typeof documentInputSchema>;

export const figureInputSchema = z.object({
  code: metricCode,
  formula: optionalText(2000),
  shareOf: metricCode.nullish(),
  labelVi: optionalText(500),
  labelEn: optionalText(500),
  unitOfMeasureVi: optionalText(100),
  /** Decimals printed for the figure's percentages (0–4): 1 gives "45,8%"; absent: up to two. */
  decimals: z.number().int().min(0).max(4).nullish(),
  /** A count of units shown per level: "12/12 huyện, 143/143 xã". */
  byLevel: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type FigureInput = z.input<typeof figureInputSchema>;

/** The attached file travels as base64 in the JSON body (no multipart parser is installed). */
export const evidenceFileSchema = z.object({
  name: z.string().min(1).max(255),
  type: z.string().min(1).max(200),
  content: z.string().min(1),
});
export type EvidenceFileInput = z.infer<typeof evidenceFileSchema>;

export const progressInputSchema = z.object({
  period: monthPeriod,
  value: z.number().finite(),
  note: optionalText(4000),
  evidence: z
    .object({
      number: optionalText(200),
      date: isoDate.nullish(),
      link: z
        .url({ protocol: /^https?$/, error: "Liên kết phải là http(s)|The link must be http(s)" })
        .max(2000)
        .nullish(),
      file: evidenceFileSchema.nullish(),
    })
    .nullish(),
});
export type ProgressInput = z.input<typeof progressInputSchema>;

const reasonText = z.string().trim().min(1, "Phải nêu lý do|A reason is required").max(4000);

export const declarationInputSchema = z.object({
  kind: z.enum(["dependent", "discontinued", "cleared"]),
  body: optionalText(500),
  decision: optionalText(500),
  reason: reasonText,
  fromPeriod: monthPeriod,
});
export type DeclarationInput = z.input<typeof declarationInputSchema>;

export const overrideInputSchema = z.object({
  period: monthPeriod,
  status: z.enum(["done", "likely", "at_risk"]),
  reason: reasonText,
});
export type OverrideInput = z.input<typeof overrideInputSchema>;
