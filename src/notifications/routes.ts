import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as clock from "../config/clock.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { listOut, listQuery, markReadBody, markReadOut, settingsBody, unreadOut } from "./schema.ts";
import { saveSettings, settingsOf } from "./service.ts";
import { countOf, listOf, markRead, unreadCount } from "./store.ts";

const tags = ["notifications"];

/** The caller's own notification centre: every route reads and writes only the caller's notices. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    {
      schema: {
        tags,
        summary: "Thông báo của tôi, mới nhất trước / My notices, newest first",
        querystring: listQuery,
        response: { 200: listOut },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      const items = await listOf(app.db, userId, request.query);
      const unread = await unreadCount(app.db, userId);
      const total = request.query.unread ? unread : await countOf(app.db, userId, false);
      return { items, unread, total };
    },
  );

  app.get(
    "/notifications/unread-count",
    {
      schema: {
        tags,
        summary: "Số thông báo chưa đọc / How many notices are unread",
        response: { 200: unreadOut },
      },
    },
    async (request) => ({ unread: await unreadCount(app.db, principalOf(request).userId) }),
  );

  app.post(
    "/notifications/read",
    {
      schema: {
        tags,
        summary: "Đánh dấu đã đọc (các thông báo nêu, hoặc tất cả) / Mark read (the ones given, or all)",
        body: markReadBody,
        response: { 200: markReadOut },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      const changed = await markRead(app.db, userId, request.body.ids ?? null, clock.now());
      return { changed, unread: await unreadCount(app.db, userId) };
    },
  );

  app.get(
    "/notifications/settings",
    {
      schema: {
        tags,
        summary: "Địa chỉ thư và lựa chọn nhận thông báo của tôi / My e-mail address and notice choices",
        response: { 200: settingsBody },
      },
    },
    async (request) => settingsOf(app.db, principalOf(request).userId),
  );

  app.put(
    "/notifications/settings",
    {
      schema: {
        tags,
        summary: "Lưu địa chỉ thư và lựa chọn nhận thông báo / Save my e-mail address and notice choices",
        body: settingsBody,
        response: { 200: settingsBody },
      },
    },
    async (request) => saveSettings(app.db, actorOf(request), principalOf(request).userId, request.body),
  );
};
