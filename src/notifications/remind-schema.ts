import { z } from "zod";

export const remindBody = z.object({
  form: z.string().min(1).max(50),
  /** The period, as the form spells it (`202610`). */
  period: z.string().min(1).max(20),
  /** The units whose reporters to remind (at most 500). */
  units: z
    .array(z.string().min(1).max(50))
    .min(1, "Chọn ít nhất một đơn vị|Choose at least one unit")
    .max(500, "Nhiều nhất 500 đơn vị một lần|At most 500 units at once"),
});
export type RemindBody = z.infer<typeof remindBody>;

export const remindOut = z.object({
  /** How many notices were made (one per reporter of each unit reminded). */
  told: z.number(),
  /** The units whose reporters were reminded. */
  reminded: z.array(z.string()),
  /** The units left out: their report is already sent (submitted or approved). */
  skipped: z.array(z.object({ unit: z.string(), status: z.string() })),
});
export type RemindOut = z.infer<typeof remindOut>;
