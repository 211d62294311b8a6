import { z } from "zod";
import { aggregationType, valueType } from "../db/schema/index.ts";

/** Metric and form codes: capitals, digits and underscores, as they appear in `#{CODE}`. */
const codePattern = /^[A-Z0-9_]{2,40}$/;
export const codeSchema = z
  .string()
  .regex(codePattern, "Mã gồm 2-40 ký tự A-Z, 0-9, _|A code has 2-40 characters A-Z, 0-9, _");

export const valueTypes = valueType.enumValues;
export const aggregations = aggregationType.enumValues;
export type ValueType = (typeof valueTypes)[number];
export type Aggregation = (typeof aggregations)[number];

const editable = {
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullish(),
  valueType: z.enum(valueTypes),
  aggregation: z.enum(aggregations),
  unitOfMeasure: z.string().trim().max(50).nullish(),
  minValue: z.number().finite().nullish(),
  maxValue: z.number().finite().nullish(),
  formula: z.string().trim().max(2000).nullish(),
  weightMetricCode: codeSchema.nullish(),
  description: z.string().max(5000).nullish(),
};

/** A new metric (chỉ số thống kê) as the API and the demo loader give it. */
export const metricInputSchema = z.object({ code: codeSchema, ...editable });
export type MetricInput = z.input<typeof metricInputSchema>;

/** A change to a metric; the code never changes. */
export const metricPatchSchema = z.object(editable).partial();
export type MetricPatch = z.input<typeof metricPatchSchema>;

export const metricOutSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  valueType: z.enum(valueTypes),
  aggregation: z.enum(aggregations),
  unitOfMeasure: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  formula: z.string().nullable(),
  weightMetricCode: z.string().nullable(),
  description: z.string().nullable(),
});
export type MetricView = z.infer<typeof metricOutSchema>;
