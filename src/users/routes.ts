import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleSchema } from "../access/schema.ts";
import { freshPasswordLink } from "../auth/password-links.ts";
import { acceptListFiles, answerImport, listFileRequest } from "../files/import-http.ts";
import { importSummarySchema } from "../files/import-rows.ts";
import { ROW_FILE_MAX_BYTES, rowFileFormat } from "../files/row-file.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { pageOf, pageQuery } from "../http/paging.ts";
import { importUsers } from "./import.ts";
import { readUserFile } from "./import-file.ts";
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

const linkOut = z.object({ username: z.string(), path: z.string(), expiresAt: z.date() });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptListFiles(app);

  app.post(
    "/users/import",
    {
      bodyLimit: ROW_FILE_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Nạp người dùng từ tệp CSV hoặc Excel, tất cả hoặc không (quản trị) / " +
          "Load users from a CSV or Excel file, all or nothing (admin)",
        description:
          "The file as the body (text/csv or .xlsx, at most 5 MB). Columns: username, full_name, email " +
          "(optional), role, unit_code; one row per user. Each row answers create, unchanged or rejected; " +
          "problems are at `rows.<row>.<field>`. A dry run answers 200 with the preview and writes " +
          "nothing; otherwise any rejected row answers 409 IMPORT_REJECTED (the preview under `summary`) and nothing is written. Each " +
          "created user has no password: `links` gives its one-time password link (valid 7 days), " +
          "shown this once. Stored users are never changed by an import.",
        ...listFileRequest,
        response: {
          200: importSummarySchema({ username: z.string().nullable() }).extend({ links: z.array(linkOut) }),
        },
      },
    },
    async (request) => {
      const rows = await readUserFile(request.body, rowFileFormat(request.headers["content-type"] ?? ""));
      const summary = await importUsers(app.db, actorOf(request), principalOf(request), rows, {
        dryRun: request.query.dryRun,
      });
      return answerImport(summary);
    },
  );

  app.post(
    "/users/:id/password-link",
    {
      schema: {
        tags,
        summary:
          "Cấp liên kết đặt mật khẩu mới, dùng một lần (quản trị) / Issue a fresh one-time password link (admin)",
        description:
          "Ends the user's earlier unused links. The link is `path` after the server's address, valid 7 days.",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 201: linkOut },
      },
    },
    async (request, reply) => {
      const by = principalOf(request);
      return reply.status(201).send(await freshPasswordLink(app.db, actorOf(request), by, request.params.id));
    },
  );

  app.get(
    "/users",
    {
      schema: {
        tags,
        summary: "Danh sách người dùng (quản trị) / List users (admin)",
        querystring: z.object(pageQuery(5000, 20_000)),
        response: { 200: z.array(userOut) },
      },
    },
    async (request, reply) => pageOf(reply, await listUsers(app.db, principalOf(request)), request.query),
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
