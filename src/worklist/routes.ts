import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf } from "../http/context.ts";
import { worklistOut } from "./schema.ts";
import { worklist } from "./service.ts";

export const worklistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/worklist",
    {
      schema: {
        tags: ["submissions"],
        summary:
          "Việc cần làm của người lập báo cáo: báo cáo đến hạn, quá hạn, bị trả lại / " +
          "A reporter's to-do list: reports due, overdue, returned, waiting for approval",
        response: { 200: worklistOut },
      },
    },
    async (request) => worklist(app.db, principalOf(request)),
  );
};
