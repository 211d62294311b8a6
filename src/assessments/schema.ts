import { z } from "zod";
import { isoDate } from "../http/schemas.ts";

// The API's contract for the index cycle (zod → OpenAPI). Values follow the framework's
// scoring method: true/false (yes_no), an option code (tiers), {a, b} (ratio), a count, a
// number, or points (manual); null clears a value.

const code = z.string().trim().min(1).max(60);
const text = (max: number) => z.string().max(max);

export const criterionValue = z.union([
  z.boolean(),
  z.number(),
  z.string().trim().min(1).max(100),
  z.strictObject({ a: z.number(), b: z.number() }),
]);

export const codeParams = z.object({ code });
export const unitParams = z.object({ code, unit: code });
export const evidenceParams = z.object({ code, id: z.coerce.number().int().positive() });

export const newAssessment = z.strictObject({
  code,
  framework: code,
  nameVi: text(300).nullish(),
  nameEn: text(300).nullish(),
  selfAssessmentDue: isoDate,
  appraisalDue: isoDate,
  units: z
    .array(z.strictObject({ unit: code, group: code }))
    .min(1)
    .max(2000),
  verifiers: z.record(z.string().max(300), code).optional(),
});

export const selfValuesBody = z.strictObject({
  values: z
    .array(
      z.strictObject({
        criterion: code,
        value: criterionValue.nullable(),
        note: text(2000).nullish(),
        /** The answer's version the person started from (0 for none yet); checked when given. */
        version: z.number().int().min(0).optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const appraisalBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        criterion: code,
        action: z.enum(["confirm", "adjust"]),
        value: criterionValue.nullish(),
        reason: text(2000).nullish(),
      }),
    )
    .min(1)
    .max(500),
});

export const councilBody = z.strictObject({
  items: z
    .array(z.strictObject({ criterion: code, value: criterionValue.nullable(), reason: text(2000) }))
    .min(1)
    .max(500),
});

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const reopenBody = z.strictObject({
  to: z.enum(["open", "self_assessment", "appraisal", "council"]),
  reason: z.string().trim().min(1).max(2000),
});

export const publishBody = z.strictObject({
  decisionNumber: z.string().trim().min(1).max(100),
  decisionDate: isoDate,
  announcedOn: isoDate,
});

const evidenceFields = {
  criterion: code,
  documentNumber: text(100).nullish(),
  documentDate: isoDate.nullish(),
  summary: text(2000).nullish(),
  url: text(2000).nullish(),
};

export const evidenceBody = z.strictObject({
  ...evidenceFields,
  summary: z.string().trim().min(1).max(2000),
});

/** A file is sent as the raw request body; what describes it travels in the query string. */
export const fileQuery = z.strictObject({ ...evidenceFields, name: z.string().trim().min(1).max(300) });

export const rankingQuery = z.object({ group: code.optional() });

export const frameworkQuery = z.object({ lineage: code.optional() });

/** What the published sheet does not say: the framework's code, year and names. */
export const workbookQuery = z.object({
  code,
  year: z.coerce.number().int().min(2000).max(2100),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300).optional(),
  lineage: code.optional(),
});

export const evidenceOut = z.object({
  id: z.number(),
  criterion: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  summary: z.string().nullable(),
  url: z.string().nullable(),
  file: z
    .object({ name: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() })
    .nullable(),
  createdAt: z.string(),
});

export const assessmentOut = z.object({
  code: z.string(),
  framework: z.string(),
  year: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: z.string(),
  selfAssessmentDue: z.string(),
  appraisalDue: z.string(),
  finalisedAt: z.string().nullable(),
  decision: z.object({ number: z.string(), date: z.string(), announcedOn: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  verifiers: z.record(z.string(), z.string()),
  units: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string().nullable(),
      group: z.string(),
      status: z.string(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
