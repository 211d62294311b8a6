import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as clock from "../config/clock.ts";
import { AppError } from "../errors/app-error.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { limitStore } from "../http/limit-store.ts";
import { remindUnits } from "./remind.ts";
import { remindBody, remindOut } from "./remind-schema.ts";

/** "Remind these units now" requests per caller per hour (shared by every server on PostgreSQL). */
export const REMINDS_PER_HOUR = 10;

/** Nhắc ngay: an approver or admin reminds chosen units' reporters at once, rate-limited per caller. */
export const remindRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = limitStore(app.db, app.dbKind, "remind", REMINDS_PER_HOUR, 3_600_000);
  app.post(
    "/notifications/remind",
    {
      schema: {
        tags: ["notifications"],
        summary: "Nhắc ngay các đơn vị chưa gửi báo cáo / Remind these units now",
        description: `Thông báo trong ứng dụng và thư điện tử đến người báo cáo của các đơn vị (trong phạm vi của mình); ghi nhật ký; tối đa ${REMINDS_PER_HOUR} lần mỗi giờ, quá thì 429 với Retry-After. / In-app and e-mail notices to the units' reporters (within the caller's scope); audited; at most ${REMINDS_PER_HOUR} a hour per caller, then 429 with Retry-After.`,
        body: remindBody,
        response: { 200: remindOut },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const wait = await limits.take(String(principal.userId), clock.nowMs());
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError("REMIND_LIMITED", { retryAfterSeconds: wait, limit: REMINDS_PER_HOUR });
      }
      return remindUnits(app.db, actorOf(request), principal, request.body, clock.now());
    },
  );
};
