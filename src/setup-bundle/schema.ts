/**
 * The setup bundle (gói thiết lập): forms with everything they need, as JSON, to carry a form
 * from one install to another (`chiso setup export|import`). Version 1: the metrics (with their
 * definitions), and each form's settings and versions (metrics with unit groups, and rules, in
 * force from a period). Units are not carried: they differ between installs; assign a form's
 * units in the receiving install (PUT /api/forms/:code/units).
 */
import { z } from "zod";
import { fieldIssueSchema } from "../files/import-rows.ts";
import { formInputSchema, formMetricInputSchema, ruleSchema } from "../forms/schema.ts";
import { metricInputSchema } from "../metrics/schema.ts";

export const SETUP_FORMAT = "chiso-setup";
export const SETUP_VERSION = 1;

/** One version of a form's metrics and rules; the first has `validFrom` null. */
export const bundleVersionSchema = z.object({
  validFrom: z.string().trim().min(1).max(10).nullable(),
  metrics: z.array(formMetricInputSchema).min(1).max(500),
  rules: z.array(ruleSchema).max(200).default([]),
});

export const bundleFormSchema = formInputSchema
  .pick({
    code: true,
    nameVi: true,
    nameEn: true,
    periodType: true,
    dueRule: true,
    lockAfterDays: true,
    submitterMayApprove: true,
    sections: true,
    openFrom: true,
  })
  .extend({ versions: z.array(bundleVersionSchema).min(1).max(100) })
  .superRefine((form, ctx) => {
    form.versions.forEach((v, i) => {
      const previous = form.versions[i - 1]?.validFrom ?? "";
      if (i === 0 ? v.validFrom === null : v.validFrom !== null && v.validFrom > previous) return;
      ctx.addIssue({
        code: "custom",
        path: ["versions", i, "validFrom"],
        message:
          i === 0
            ? "Phiên bản đầu có validFrom null|The first version has validFrom null"
            : "Các phiên bản sau theo thứ tự kỳ tăng dần|Later versions follow in order of their first period",
      });
    });
  });
export type BundleForm = z.output<typeof bundleFormSchema>;

export const setupBundleSchema = z.object({
  format: z.literal(SETUP_FORMAT, { message: "Tệp không phải gói chiso-setup|Not a chiso-setup file" }),
  version: z.literal(SETUP_VERSION, {
    message: "Chỉ nhận gói phiên bản 1|Only setup files of version 1 are accepted",
  }),
  metrics: z.array(metricInputSchema).max(5000).default([]),
  forms: z.array(bundleFormSchema).max(500).default([]),
});
export type SetupBundle = z.output<typeof setupBundleSchema>;

/** The answer of an import: each metric, form, version and rule with its action and problems. */
export const setupSummarySchema = z.object({
  status: z.enum(["OK", "ERROR"]),
  dryRun: z.boolean(),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), rejected: z.number() }),
  rows: z.array(
    z.object({
      row: z.number(),
      kind: z.enum(["metric", "form", "version", "rule"]),
      code: z.string(),
      path: z.string(),
      action: z.enum(["create", "update", "unchanged", "rejected"]),
      issues: z.array(fieldIssueSchema),
    }),
  ),
});
