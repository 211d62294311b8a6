import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditRoutes } from "../audit/routes.ts";
import { authRoutes } from "../auth/routes.ts";
import { healthRoutes } from "../health/routes.ts";
import { unitRoutes } from "../units/routes.ts";
import { userRoutes } from "../users/routes.ts";

/** Every capability's routes, mounted under /api. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(auditRoutes);
};
