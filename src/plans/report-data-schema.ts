import { z } from "zod";
import { counts } from "./out-schemas.ts";

const nullableText = z.string().nullable();
const statuses = z.enum(["done", "likely", "at_risk", "dependent", "discontinued", "no_data"]);

const levelCounts = z
  .array(z.object({ level: z.number(), type: z.string(), value: z.number(), units: z.number() }))
  .nullable()
  .optional();

const keyFigure = z.object({
  metricCode: z.string(),
  labelVi: z.string(),
  labelEn: nullableText,
  value: z.number().nullable(),
  unitOfMeasureVi: nullableText,
  sharePercent: z.number().nullable(),
  ofMetricCode: nullableText,
  ofValue: z.number().nullable().optional(),
  previousValue: z.number().nullable(),
  decimals: z.number().nullable().optional(),
  levels: levelCounts,
  previousLevels: levelCounts,
});

const narrativeGroup = z.object({
  text: z.string(),
  units: z.array(z.object({ code: z.string(), nameVi: z.string() })),
});

/** `PlanReportData` (src/plans/report-data.ts), what the report renderers read. */
export const reportDataOut = z.object({
  plan: z.object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: nullableText,
    year: z.number(),
    issuingBodyVi: z.string(),
    issuingBodyEn: nullableText,
    documentRefVi: nullableText,
  }),
  reporter: z.object({
    unitCode: z.string(),
    nameVi: z.string(),
    nameEn: nullableText,
    parentNameVi: z.string(),
    parentNameEn: nullableText,
    placeVi: z.string(),
  }),
  period: z.object({
    id: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  reportDate: z.string(),
  totals: counts,
  pillars: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: nullableText,
      counts,
      indicators: z.array(
        z.object({
          code: z.string(),
          nameVi: z.string(),
          nameEn: nullableText,
          kind: z.enum(["numeric", "percent", "milestone", "unit_count"]),
          direction: z.enum(["up", "down"]),
          target: z.number(),
          value: z.number().nullable(),
          unitOfMeasureVi: nullableText,
          deadline: z.string(),
          status: statuses,
          computedStatus: statuses,
          overridden: z.boolean(),
          reasonVi: nullableText,
          reasonEn: nullableText,
          dependsOnVi: nullableText,
          decisionVi: nullableText,
          sample: z.boolean(),
        }),
      ),
      figures: z.array(keyFigure),
    }),
  ),
  documents: z.array(
    z.object({
      number: z.string(),
      date: z.string(),
      issuerVi: z.string(),
      summaryVi: z.string(),
      summaryEn: nullableText,
      pillarCode: nullableText,
      sample: z.boolean().optional(),
    }),
  ),
  difficulties: z.array(narrativeGroup),
  proposals: z.array(narrativeGroup),
  reporting: z.object({
    expected: z.number(),
    approved: z.number(),
    onTime: z.number(),
    late: z.number(),
    missing: z.number(),
  }),
});
