import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../errors/app-error.ts";
import { setupInputSchema, setupResultSchema, setupStateSchema } from "./schema.ts";
import { initialise, isInitialised } from "./service.ts";

const tags = ["system"];

/**
 * The first run from the browser: public while the database has neither users nor units, and
 * 409 ALREADY_INITIALISED for good afterwards (src/setup/service.ts decides, under a lock).
 */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  // Once initialised, always initialised: this server stops asking the database.
  let initialised = false;
  const done = async () => {
    if (!initialised) initialised = await isInitialised(app.db);
    return initialised;
  };

  app.get(
    "/setup",
    {
      schema: {
        tags,
        summary:
          "Hệ thống có cần khởi tạo không (công khai) / Whether chiso still needs its first run (public)",
        security: [],
        response: { 200: setupStateSchema },
      },
    },
    async () => ({ needed: !(await done()) }),
  );

  app.post(
    "/setup",
    {
      schema: {
        tags,
        summary:
          "Khởi tạo hệ thống: tỉnh và quản trị viên đầu tiên; chỉ một lần (công khai) / " +
          "First run: the province and its first admin; once only, then 409 (public)",
        security: [],
        body: setupInputSchema,
        response: { 201: setupResultSchema },
      },
    },
    async (request, reply) => {
      if (await done()) throw new AppError("ALREADY_INITIALISED");
      const actor = { userId: null, name: "setup", ip: request.ip };
      const created = await initialise(app.db, actor, request.body, "body");
      initialised = true;
      return reply.status(201).send(created);
    },
  );
};
