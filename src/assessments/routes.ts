import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assessmentCycleRoutes } from "./routes-cycle.ts";
import { assessmentEvidenceRoutes } from "./routes-evidence.ts";
import { frameworkRoutes } from "./routes-frameworks.ts";
import { assessmentResultRoutes } from "./routes-results.ts";

/** The digital-transformation index: frameworks, the assessment cycle, evidence and results. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(frameworkRoutes);
  await app.register(assessmentCycleRoutes);
  // Its own plugin: its raw-body parser must not reach the other routes.
  await app.register(assessmentEvidenceRoutes);
  await app.register(assessmentResultRoutes);
};
