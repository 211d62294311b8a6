import { z } from "zod";
import { storableText } from "../http/text-guard.ts";

/** One DHIS2 data value; identifiers are our codes. Unknown DHIS2 fields are tolerated. */
/** Text of a file or body, which PostgreSQL must be able to store (no NUL, no lone surrogate). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine(...storableText);

export const dataValueInSchema = z.looseObject({
  dataElement: text(100),
  period: text(20).nullish(),
  orgUnit: text(100).nullish(),
  categoryOptionCombo: text(100).nullish(),
  attributeOptionCombo: text(100).nullish(),
  value: z.union([text(1_000_000), z.number(), z.boolean(), z.null()]).optional(),
  comment: text(5000).nullish(),
});
export type DataValueIn = z.infer<typeof dataValueInSchema>;

/** A DHIS2 data value set: one form, with period and unit given once or on each value. */
export const dataValueSetInSchema = z.looseObject({
  dataSet: z.string().min(1).max(100).nullish(),
  period: z.string().max(20).nullish(),
  orgUnit: z.string().max(100).nullish(),
  completeDate: z.string().max(40).nullish(),
  dataValues: z.array(dataValueInSchema).max(1_000_000).default([]),
});
export type DataValueSetIn = z.input<typeof dataValueSetInSchema>;

export const dataValueOutSchema = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  value: z.string(),
  comment: z.string().optional(),
});
export type DataValueOut = z.infer<typeof dataValueOutSchema>;

export const dataValueSetOutSchema = z.object({
  dataSet: z.string(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  completeDate: z.string().optional(),
  dataValues: z.array(dataValueOutSchema),
});
export type DataValueSetOut = z.infer<typeof dataValueSetOutSchema>;

/** One rejected value or failed completion; `index` is the value's position (or CSV line). */
export const conflictSchema = z.object({
  object: z.string(),
  value: z.string(),
  value_en: z.string(),
  index: z.number().optional(),
  property: z.string().optional(),
});

export const importSummarySchema = z.object({
  status: z.enum(["SUCCESS", "WARNING", "ERROR"]),
  description: z.string(),
  description_en: z.string(),
  dryRun: z.boolean(),
  importCount: z.object({
    imported: z.number(),
    updated: z.number(),
    ignored: z.number(),
    deleted: z.number(),
  }),
  /** The first 1,000 conflicts; conflictCount has them all. */
  conflicts: z.array(conflictSchema),
  conflictCount: z.number(),
  /** The first 1,000 rejected values' indexes. */
  rejectedIndexes: z.array(z.number()),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const importQuerySchema = z.object({
  dataSet: z.string().min(1).max(100).optional(),
  dryRun: flag.default(false),
  atomic: flag.default(true),
  importStrategy: z.literal("CREATE_AND_UPDATE").default("CREATE_AND_UPDATE"),
  /** Import past periods as approved (admins over every unit of the file); needs `reason`. */
  approve: flag.default(false),
  reason: z.string().max(1000).optional(),
});

const oneOrMany = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(500)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const exportQuerySchema = z.object({
  dataSet: z.string().min(1).max(100),
  period: oneOrMany,
  orgUnit: oneOrMany,
  children: flag.default(false),
  includeUnapproved: flag.default(false),
});
