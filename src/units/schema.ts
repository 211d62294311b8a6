import { z } from "zod";
import { fieldIssueSchema, importSummarySchema } from "../files/import-rows.ts";
import { isoDate } from "../http/schemas.ts";

/** A unit's own fields as the API takes them; `chiso init` checks the province by the same rules. */
export const unitFields = {
  code: z.string().trim().min(1).max(30),
  nameVi: z.string().min(1).max(200),
  nameEn: z.string().max(200).nullish(),
  type: z.string().min(1).max(50),
  validFrom: isoDate,
};

/** A new unit under a parent (POST /api/units). */
export const newUnitSchema = z.object({
  code: unitFields.code,
  nameVi: unitFields.nameVi,
  nameEn: unitFields.nameEn,
  kind: z.enum(["territorial", "agency"]),
  type: unitFields.type,
  groupCode: z.string().max(50).nullish(),
  parentCode: z.string().min(1).max(30),
  validFrom: unitFields.validFrom,
});

/** What a unit list import answers: each row of the file, and the counts (src/units/import.ts). */
export const unitImportSummarySchema = importSummarySchema({
  code: z.string().nullable(),
  level: z.number().nullable(),
});

const step = z.enum(["unchanged", "create", "close", "move"]);
const link = z.object({ code: z.string(), part: z.boolean() });

/** What a reform answers (src/units/reform.ts): the plan step by step, what it touches, its problems. */
export const reformSummarySchema = z.object({
  status: z.enum(["OK", "ERROR"]),
  dryRun: z.boolean(),
  date: z.string().nullable(),
  counts: z.object({
    open: z.number(),
    close: z.number(),
    move: z.number(),
    unchanged: z.number(),
    problems: z.number(),
  }),
  opens: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string().nullable(),
      kind: z.enum(["territorial", "agency"]),
      type: z.string(),
      groupCode: z.string().nullable(),
      parentCode: z.string().nullable(),
      level: z.number(),
      predecessors: z.array(link.extend({ kind: z.enum(["merge", "split", "rename"]) })),
      action: step,
    }),
  ),
  closes: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      successors: z.array(link),
      heir: z.string().nullable(),
      abolished: z.boolean(),
      action: step,
    }),
  ),
  moves: z.array(
    z.object({
      code: z.string(),
      fromParent: z.string().nullable(),
      toParent: z.string().nullable(),
      fromLevel: z.number(),
      level: z.number(),
      action: step,
    }),
  ),
  touched: z.object({
    grants: z.array(
      z.object({ username: z.string(), displayName: z.string(), role: z.string(), unitCode: z.string() }),
    ),
    forms: z.array(z.object({ code: z.string(), unitCode: z.string() })),
    plans: z.array(
      z.object({
        code: z.string(),
        year: z.number(),
        unitCode: z.string(),
        as: z.enum(["reporting", "scope", "indicator"]),
      }),
    ),
    assessments: z.array(
      z.object({ code: z.string(), year: z.number(), status: z.string(), unitCode: z.string() }),
    ),
  }),
  problems: z.array(fieldIssueSchema),
});

const day = z.string();
/** GET /api/units/{code}: the unit existing on `on`, its placements, successions and the code's other holders. */
export const unitHistorySchema = z.object({
  unit: z.object({
    id: z.number(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string(),
    type: z.string(),
    groupCode: z.string().nullable(),
    validFrom: day,
    validTo: day.nullable(),
  }),
  placements: z.array(
    z.object({
      parentCode: z.string().nullable(),
      parentName: z.string().nullable(),
      level: z.number(),
      validFrom: day,
      validTo: day.nullable(),
    }),
  ),
  successions: z.array(
    z.object({
      predecessorCode: z.string(),
      predecessorName: z.string(),
      successorCode: z.string(),
      successorName: z.string(),
      kind: z.string(),
      effectiveDate: day,
      decision: z.string().nullable(),
      direction: z.enum(["from", "to"]),
    }),
  ),
  codeHolders: z.array(z.object({ nameVi: z.string(), validFrom: day, validTo: day.nullable() })),
});
