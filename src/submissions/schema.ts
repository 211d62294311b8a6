import { z } from "zod";
import { submissionStatus } from "../db/schema/index.ts";

export const statuses = submissionStatus.enumValues;
export type Status = (typeof statuses)[number];

export const valueInputSchema = z.object({
  metric: z.string().min(1).max(40),
  /** null or "" removes the stored value. */
  value: z.union([z.number(), z.boolean(), z.string().max(1_000_000), z.null()]),
  /** Omitted keeps the stored note; null or "" clears it. */
  comment: z.string().max(5000).nullish(),
});

/** The body of PUT /api/submissions and the input of saveDraft. */
export const saveDraftSchema = z.object({
  form: z.string().min(1).max(40),
  unit: z.string().min(1).max(30),
  period: z.string().min(1).max(10),
  /** The version the client last saw; omitted only when creating the report. */
  version: z.number().int().positive().nullish(),
  values: z.array(valueInputSchema).max(5000).default([]),
  /** Thuyết minh by section code; null or "" clears a section. */
  narrative: z.record(z.string(), z.string().max(50_000).nullable()).default({}),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

export const issueSchema = z.object({
  path: z.string(),
  message: z.string(),
  message_en: z.string(),
  code: z.string().optional(),
});

export const saveResultSchema = z.object({
  id: z.number(),
  status: z.enum(statuses),
  version: z.number(),
  created: z.boolean(),
  counts: z.object({ imported: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number() }),
  warnings: z.array(issueSchema),
});
export type SaveResult = z.infer<typeof saveResultSchema>;

export const transitionResultSchema = z.object({
  id: z.number(),
  status: z.enum(statuses),
  version: z.number(),
  late: z.boolean(),
  dueDate: z.string(),
  reopenedUntil: z.string().nullable(),
  warnings: z.array(issueSchema),
});
export type TransitionResult = z.infer<typeof transitionResultSchema>;

const apiValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);

export const summaryOutSchema = z.object({
  id: z.number(),
  form: z.string(),
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  periodEnd: z.string(),
  status: z.enum(statuses),
  version: z.number(),
  dueDate: z.string(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const detailOutSchema = summaryOutSchema.omit({ updatedAt: true }).extend({
  periodStart: z.string(),
  lockDate: z.string().nullable(),
  locked: z.boolean(),
  approvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  reopenedUntil: z.string().nullable(),
  narrative: z.record(z.string(), z.string()),
  previousPeriod: z.string(),
  values: z.array(
    z.object({
      metric: z.string(),
      value: apiValueSchema,
      comment: z.string().nullable(),
      previousValue: apiValueSchema,
    }),
  ),
  history: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      by: z.string(),
      status: z.enum(statuses).nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const completenessOutSchema = z.object({
  form: z.string(),
  period: z.string(),
  dueDate: z.string(),
  expected: z.number(),
  submitted: z.number(),
  approved: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  rate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  byUnit: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      status: z.enum([...statuses, "missing"]),
      submittedAt: z.string().nullable(),
      late: z.boolean().nullable(),
    }),
  ),
});
