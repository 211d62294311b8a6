import { z } from "zod";
import { unitFields } from "../units/schema.ts";
import { userFields } from "../users/schema.ts";

/**
 * The first run (khởi tạo hệ thống): the province, the root of the unit tree, and its first
 * admin. The same field rules as POST /api/units and POST /api/users; `chiso init` parses its
 * flags with this schema too.
 */
export const setupInputSchema = z.object({
  province: z.object({
    code: unitFields.code,
    nameVi: unitFields.nameVi,
    nameEn: unitFields.nameEn,
    type: unitFields.type.default("tỉnh"),
    /** From when the province stands in the tree; default: 1 January of this year. Not after today. */
    validFrom: unitFields.validFrom.optional(),
  }),
  admin: z.object({
    username: userFields.username,
    displayName: userFields.displayName,
    password: userFields.password,
    locale: userFields.locale,
  }),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupStateSchema = z.object({
  /** True while the database has neither users nor units: the first-run form is shown instead of the login. */
  needed: z.boolean(),
});

export const setupResultSchema = z.object({
  province: z.object({ code: z.string(), nameVi: z.string(), validFrom: z.string() }),
  admin: z.object({ id: z.number(), username: z.string() }),
});
export type SetupResult = z.infer<typeof setupResultSchema>;
