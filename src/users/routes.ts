import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleSchema } from "../access/schema.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { userFields } from "./schema.ts";
import { createUser, listUsers, setUserActive, setUserGrants } from "./service.ts";

const tags = ["users"];
const grantSchema = z.object({ role: roleSchema, unitCode: z.string().min(1) });
const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  active: z.boolean(),
  grants: z.array(grantSchema),
});

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/users",
    {
      schema: {
        tags,
        summary: "Danh sách người dùng (quản trị) / List users (admin)",
        response: { 200: z.array(userOut) },
      },
    },
    async (request) => {
      const by = principalOf(request);
      return listUsers(app.db, by);
    },
  );

  app.post(
    "/users",
    {
      schema: {
        tags,
        summary: "Tạo người dùng (quản trị) / Create a user (admin)",
        body: z.object({
          ...userFields,
          grants: z.array(grantSchema).max(50).default([]),
        }),
        response: { 201: z.object({ id: z.number(), username: z.string() }) },
      },
    },
    async (request, reply) => {
      const by = principalOf(request);
      const created = await createUser(app.db, actorOf(request), by, request.body);
      return reply.status(201).send({ id: created.id, username: created.username });
    },
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags,
        summary:
          "Khóa, mở khóa người dùng hoặc thay quyền (quản trị) / Activate, deactivate a user or replace its grants (admin)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z
          .object({ active: z.boolean().optional(), grants: z.array(grantSchema).max(50).optional() })
          .refine((b) => b.active !== undefined || b.grants !== undefined, {
            message: "Cần active hoặc grants|Give active or grants",
          }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const by = principalOf(request);
      const { active, grants } = request.body;
      if (grants) await setUserGrants(app.db, actorOf(request), by, request.params.id, grants);
      if (active !== undefined) await setUserActive(app.db, actorOf(request), by, request.params.id, active);
      return reply.status(204).send(null);
    },
  );
};
