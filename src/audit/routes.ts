import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { managedUsers } from "../access/managed-users.ts";
import * as clock from "../config/clock.ts";
import { principalOf } from "../http/context.ts";
import { boundedInstant } from "../http/schemas.ts";
import { countAudit, queryAudit } from "./query.ts";

const entryOut = z.object({
  id: z.number(),
  at: z.date(),
  actorUserId: z.number().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary:
          "Nhật ký thay đổi (quản trị; dưới cấp tỉnh: của những người dùng mình quản lý) / The audit trail, newest first (admin; below the province: of the users it manages)",
        description:
          "Chỉ đọc: không có API nào sửa hay xóa nhật ký. / Read only: no route changes or deletes audit rows.",
        querystring: z.object({
          objectType: z.string().max(50).optional(),
          objectId: z.string().max(100).optional(),
          action: z.string().max(50).optional(),
          userId: z.coerce.number().int().positive().optional(),
          from: boundedInstant.optional(),
          to: boundedInstant.optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({ entries: z.array(entryOut), nextBefore: z.number().nullable(), total: z.number() }),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const managed = await managedUsers(app.db, principal, clock.today());
      const actors = managed === "all" ? undefined : managed;
      const entries = await queryAudit(app.db, { ...request.query, actors });
      const last = entries.at(-1);
      const nextBefore = entries.length === request.query.limit && last ? last.id : null;
      return { entries, nextBefore, total: await countAudit(app.db, { ...request.query, actors }) };
    },
  );
};
