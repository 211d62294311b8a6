import { z } from "zod";
import { roles } from "./principal.ts";

export const roleSchema = z.enum(roles);

export const principalSchema = z.object({
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  grants: z.array(z.object({ role: roleSchema, unitId: z.number(), unitCode: z.string() })),
});
