import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { managedUsers } from "../access/managed-users.ts";
import * as clock from "../config/clock.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { pageOf, withTotal } from "../http/paging.ts";
import {
  formCodeParams,
  formSettingsBody,
  formSettingsOut,
  logEntryOut,
  logQuery,
  noticeIdParams,
  upcomingOut,
  upcomingQuery,
} from "./admin-schema.ts";
import { formSettingsOf, saveFormSettings } from "./form-settings.ts";
import { resend, sentLog } from "./log.ts";
import { upcoming } from "./upcoming.ts";
import { saveWebhook, webhookOf } from "./webhook.ts";
import { webhookBody, webhookOut } from "./webhook-schema.ts";

const tags = ["notifications"];
const scoped =
  "Quản trị dưới cấp tỉnh: chỉ thông báo gửi cho những người dùng mình quản lý. / An admin below the province: only the notices to the users it manages.";

/** The admin's view of the notices: what the next sweeps will send, what was sent, resend, per-form settings. */
export const noticeAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const managed = (request: Parameters<typeof principalOf>[0]) =>
    managedUsers(app.db, principalOf(request), clock.today());

  app.get(
    "/notifications/admin/upcoming",
    {
      schema: {
        tags,
        summary: "Thông báo sắp gửi trong các ngày tới / The notices the next days' sweeps will send",
        description: `Nếu không có gì thay đổi (không nộp báo cáo, không đổi thiết lập). ${scoped} / If nothing changes (no report sent, no setting changed). X-Total-Count: how many in all.`,
        querystring: upcomingQuery,
        response: { 200: upcomingOut },
      },
    },
    async (request, reply) => {
      const { days, kind, form, limit, offset } = request.query;
      const items = await upcoming(app.db, clock.now(), {
        days,
        kind,
        form,
        managed: await managed(request),
      });
      return pageOf(reply, items, { limit, offset });
    },
  );

  app.get(
    "/notifications/admin/log",
    {
      schema: {
        tags,
        summary: "Nhật ký gửi thông báo, mới nhất trước / The sent log, newest first",
        description: `${scoped} X-Total-Count: how many match the filter.`,
        querystring: logQuery,
        response: { 200: logEntryOut.array() },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      const page = await sentLog(app.db, { ...filter, managed: await managed(request) }, { limit, offset });
      return withTotal(reply, page.total, page.items);
    },
  );

  app.post(
    "/notifications/admin/log/:id/resend",
    {
      schema: {
        tags,
        summary: "Gửi lại thư của một thông báo / Send a notice's e-mail again",
        description: `Ghi nhật ký. ${scoped} / Audited. 409 while it is being sent, or when the user has no address.`,
        params: noticeIdParams,
        response: { 200: logEntryOut },
      },
    },
    async (request) =>
      resend(app.db, actorOf(request), request.params.id, await managed(request), clock.now()),
  );

  app.get(
    "/forms/:code/notice-settings",
    {
      schema: {
        tags,
        summary: "Thiết lập nhắc việc của biểu mẫu / A form's reminder and escalation settings",
        params: formCodeParams,
        response: { 200: formSettingsOut },
      },
    },
    async (request) => formSettingsOf(app.db, request.params.code),
  );

  app.put(
    "/forms/:code/notice-settings",
    {
      schema: {
        tags,
        summary: "Lưu thiết lập nhắc việc của biểu mẫu / Save a form's reminder and escalation settings",
        description: "Ghi nhật ký; áp dụng từ lần quét sau. / Audited; the next sweep uses them.",
        params: formCodeParams,
        body: formSettingsBody,
        response: { 200: formSettingsOut },
      },
    },
    async (request) => saveFormSettings(app.db, actorOf(request), request.params.code, request.body),
  );

  app.get(
    "/notifications/webhook",
    {
      schema: {
        tags,
        summary: "Webhook thông báo của tỉnh / The province's notice webhook",
        description: "Khóa bí mật chỉ hiện 4 ký tự cuối. / The secret shows its last 4 characters only.",
        response: { 200: webhookOut },
      },
    },
    async () => webhookOf(app.db),
  );

  app.put(
    "/notifications/webhook",
    {
      schema: {
        tags,
        summary: "Lưu webhook thông báo của tỉnh / Save the province's notice webhook",
        description:
          "Mỗi thông báo được POST dưới dạng JSON, ký HMAC-SHA256 (X-Chiso-Signature: sha256=…); ghi nhật ký. / Each notice is POSTed as JSON signed with HMAC-SHA256 (X-Chiso-Signature: sha256=…); audited.",
        body: webhookBody,
        response: { 200: webhookOut },
      },
    },
    async (request) => saveWebhook(app.db, actorOf(request), request.body, clock.now()),
  );
};
