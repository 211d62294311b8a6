import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { analyticsRoutes } from "../analytics/routes.ts";
import { assessmentRoutes } from "../assessments/routes.ts";
import { auditRoutes } from "../audit/routes.ts";
import { authRoutes } from "../auth/routes.ts";
import { exchangeRoutes } from "../exchange/routes.ts";
import { formRoutes } from "../forms/routes.ts";
import { healthRoutes } from "../health/routes.ts";
import { iocRoutes } from "../ioc/routes.ts";
import { metricRoutes } from "../metrics/routes.ts";
import { planRoutes } from "../plans/routes.ts";
import { reportRoutes } from "../reports/routes.ts";
import { submissionRoutes } from "../submissions/routes.ts";
import { templateRoutes } from "../templates/routes.ts";
import { unitRoutes } from "../units/routes.ts";
import { userRoutes } from "../users/routes.ts";
import { demoRoutes } from "../web/demo.ts";
import { worklistRoutes } from "../worklist/routes.ts";

/** Every capability's routes, mounted under /api. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(demoRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(analyticsRoutes);
  await app.register(metricRoutes);
  await app.register(formRoutes);
  await app.register(submissionRoutes);
  await app.register(exchangeRoutes);
  await app.register(planRoutes);
  await app.register(reportRoutes);
  await app.register(assessmentRoutes);
  await app.register(auditRoutes);
  await app.register(iocRoutes);
  await app.register(worklistRoutes);
  await app.register(templateRoutes);
};
