import { z } from "zod";
import { periodType, ruleSeverity } from "../db/schema/index.ts";
import { unitGroups } from "../domain/forms/index.ts";
import { codeSchema, metricOutSchema } from "../metrics/schema.ts";

export const periodTypes = periodType.enumValues;
const maxDays = 366;
const days = z.number().int().min(0).max(maxDays);

/** Hạn nộp: days after the period's end, or after the Decree 09 data cut-off. */
export const dueRuleSchema = z.object({ kind: z.enum(["days_after_end", "decree09"]), days });

/** Phần thuyết minh of a report: a narrative section beside the figures. */
export const sectionSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, "Mã phần gồm a-z, 0-9, _|A section code has a-z, 0-9, _"),
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});

export const defaultSections: z.infer<typeof sectionSchema>[] = [
  { code: "results", nameVi: "Kết quả thực hiện", nameEn: "Results" },
  { code: "difficulties", nameVi: "Khó khăn, vướng mắc", nameEn: "Difficulties and obstacles" },
  { code: "proposals", nameVi: "Đề xuất, kiến nghị", nameEn: "Proposals" },
];

/** Quy tắc kiểm tra: an expression over the form's metric codes that must hold. */
export const ruleSchema = z.object({
  code: codeSchema,
  expression: z.string().trim().min(1).max(2000),
  severity: z.enum(ruleSeverity.enumValues),
  messageVi: z.string().trim().min(1).max(500),
  messageEn: z.string().trim().min(1).max(500),
});
export type RuleInput = z.input<typeof ruleSchema>;

/**
 * The unit groups that report a metric (nhóm đơn vị báo cáo); absent or null: every group.
 */
export const groupsSchema = z
  .array(
    z.enum(unitGroups, {
      message:
        "Nhóm đơn vị là province, department, district hoặc commune|A unit group is province, department, district or commune",
    }),
  )
  .min(1)
  .max(unitGroups.length)
  .nullish();

/** A metric as a form asks for it: in this position, required or not, of these groups. */
export const formMetricInputSchema = z.object({
  code: codeSchema,
  required: z.boolean().default(false),
  groups: groupsSchema,
});

export const formInputSchema = z.object({
  code: codeSchema,
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullish(),
  periodType: z.enum(periodTypes),
  dueRule: dueRuleSchema,
  lockAfterDays: days.nullish(),
  /** Let the person who submitted a report approve it too (default: no, duties are separated). */
  submitterMayApprove: z.boolean().optional(),
  sections: z.array(sectionSchema).max(20).optional(),
  metrics: z.array(formMetricInputSchema).min(1).max(500),
  unitCodes: z.array(z.string().min(1).max(30)).max(10_000).default([]),
  openFrom: z.string().max(10).nullish(),
  rules: z.array(ruleSchema).max(200).default([]),
});
export type FormInput = z.input<typeof formInputSchema>;

/**
 * A new version of a form's metrics and rules (phiên bản biểu mẫu), in force from `validFrom`:
 * reports of earlier periods keep the version they were made on.
 */
export const versionInputSchema = z.object({
  validFrom: z.string().trim().min(1).max(10),
  metrics: z.array(formMetricInputSchema).min(1).max(500),
  rules: z.array(ruleSchema).max(200).default([]),
});
export type VersionInput = z.input<typeof versionInputSchema>;

export const unitCodesSchema = z.object({ unitCodes: z.array(z.string().min(1).max(30)).max(10_000) });

export const formMetricOutSchema = metricOutSchema
  .pick({
    code: true,
    nameVi: true,
    nameEn: true,
    valueType: true,
    unitOfMeasure: true,
    minValue: true,
    maxValue: true,
  })
  .extend({
    required: z.boolean(),
    position: z.number(),
    groups: z.array(z.enum(unitGroups)).nullable(),
  });

export const formSummarySchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  periodType: z.enum(periodTypes),
  dueRule: dueRuleSchema,
  lockAfterDays: z.number().nullable(),
  openFrom: z.string().nullable(),
  submitterMayApprove: z.boolean(),
  metricCount: z.number(),
  unitCount: z.number(),
});
export type FormSummary = z.infer<typeof formSummarySchema>;

export const formOutSchema = formSummarySchema.extend({
  sections: z.array(sectionSchema),
  /** The version shown: its first period (null: the first version). */
  validFrom: z.string().nullable(),
  metrics: z.array(formMetricOutSchema),
  rules: z.array(ruleSchema),
  unitCodes: z.array(z.string()),
  /** Every version of the form's metrics and rules, oldest first. */
  versions: z.array(z.object({ validFrom: z.string().nullable(), metricCount: z.number() })),
});
export type FormView = z.infer<typeof formOutSchema>;
