import { z } from "zod";
import { importSummarySchema } from "../files/import-rows.ts";
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
