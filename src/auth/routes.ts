import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Principal } from "../access/principal.ts";
import { principalSchema } from "../access/schema.ts";
import * as clock from "../config/clock.ts";
import { AppError } from "../errors/app-error.ts";
import { sessionCookie } from "../http/authenticate.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { boundedInstant } from "../http/schemas.ts";
import { userFields } from "../users/schema.ts";
import { setPasswordWithLink } from "./password-links.ts";
import { createApiToken, listApiTokens, login, logout, revokeApiToken } from "./service.ts";

const tags = ["auth"];

/** The signed-in user, with the server's date in Vietnam: the web app's "today" is the server's. */
const meSchema = principalSchema.extend({ today: z.string() });
const withToday = (principal: Principal) => ({ ...principal, today: clock.today() });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/auth/login",
    {
      schema: {
        tags,
        summary: "Đăng nhập bằng mật khẩu / Log in with a password; sets the session cookie",
        security: [],
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: meSchema, expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await login(app.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        sessionHours: app.config.sessionHours,
      });
      reply.setCookie(sessionCookie, result.sessionToken, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: app.config.secureCookies,
        // Max-Age, not Expires: the browser's clock need not agree with the server's.
        maxAge: app.config.sessionHours * 3600,
      });
      return { user: withToday(result.principal), expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    "/auth/password-link",
    {
      schema: {
        tags,
        summary:
          "Đặt mật khẩu bằng liên kết dùng một lần / Set a password with a one-time link (users import)",
        description:
          "`token` is the part of the link after `#`. 410 PASSWORD_LINK_INVALID when the link is unknown, " +
          "already used, expired or its user deactivated. The user then logs in as usual.",
        security: [],
        body: z.object({ token: z.string().min(1).max(200), password: userFields.password }),
        response: { 200: z.object({ username: z.string() }) },
      },
    },
    async (request) => setPasswordWithLink(app.db, { ...request.body, ip: request.ip }),
  );

  app.post(
    "/auth/logout",
    {
      schema: { tags, summary: "Đăng xuất / Log out", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await logout(app.db, token, actorOf(request));
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      schema: {
        tags,
        summary: "Người dùng hiện tại / The signed-in user",
        response: { 200: meSchema },
      },
    },
    async (request) => withToday(principalOf(request)),
  );

  const tokenOut = z.object({
    id: z.number(),
    name: z.string(),
    createdAt: z.date().optional(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable().optional(),
    revokedAt: z.date().nullable().optional(),
  });

  app.get(
    "/auth/tokens",
    {
      schema: {
        tags,
        summary: "Mã truy cập API của tôi / My API tokens",
        response: { 200: z.array(tokenOut) },
      },
    },
    async (request) => listApiTokens(app.db, principalOf(request).userId),
  );

  app.post(
    "/auth/tokens",
    {
      schema: {
        tags,
        summary: "Tạo mã truy cập API (chỉ hiện một lần) / Create a personal API token (shown once)",
        body: z.object({ name: z.string().min(1).max(100), expiresAt: boundedInstant.optional() }),
        response: { 201: tokenOut.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      // A token cannot mint tokens: a leaked one must not make itself permanent.
      if (request.viaToken) throw new AppError("TOKEN_CANNOT_MINT");
      const created = await createApiToken(app.db, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/auth/tokens/:id",
    {
      schema: {
        tags,
        summary: "Thu hồi mã truy cập / Revoke an API token",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiToken(app.db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
