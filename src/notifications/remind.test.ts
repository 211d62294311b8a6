import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testActor, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import { auditLog, notificationEmails, notifications } from "../db/schema/index.ts";
import { saveDraft } from "../submissions/service.ts";
import { submit } from "../submissions/workflow.ts";
import { at, login, seedRhythm } from "./fixtures.test-helper.ts";
import { REMINDS_PER_HOUR } from "./remind-routes.ts";

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedRhythm>>;

const remind = (headers: Record<string, string>, units: string[], period = "202610") =>
  t.app.inject({
    method: "POST",
    url: "/api/notifications/remind",
    headers,
    payload: { form: "CDS_XA", period, units },
  });

beforeAll(async () => {
  t = await testApp();
  ids = await seedRhythm(t.database);
  clock.startClockAt(at("2026-11-07", 10));
  const values = [
    { metric: "RECEIVED", value: 10 },
    { metric: "ANSWERED", value: 8 },
  ];
  const draft = await saveDraft(t.database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C12",
    period: "202610",
    values,
  });
  await submit(t.database.db, testActor, null, draft.id, draft.version);
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await t.close();
});

describe("remind these units now", () => {
  test("an approver reminds its late units' reporters in-app and by e-mail, audited; a sent report is skipped", async () => {
    const a1 = await login(t, "a1");
    const res = await remind(a1, ["C11", "C12"]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      told: 1,
      reminded: ["C11"],
      skipped: [{ unit: "C12", status: "submitted" }],
    });
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, "reminder"));
    expect(told.map((n) => [n.userId, n.unitCode, n.period])).toEqual([[ids.r11, "C11", "202610"]]);
    expect(told[0]?.titleVi).toBe("Nhắc gửi báo cáo: Báo cáo chuyển đổi số cấp xã Tháng 10/2026");
    expect(told[0]?.bodyVi).toBe(
      "a1 nhắc Xã Một Một gửi báo cáo Báo cáo chuyển đổi số cấp xã kỳ Tháng 10/2026 (hạn nộp 05/11/2026).",
    );
    const emails = await t.database.db
      .select()
      .from(notificationEmails)
      .where(eq(notificationEmails.notificationId, told[0]?.id ?? 0));
    expect(emails.map((e) => [e.address, e.status])).toEqual([["r11@xa.example", "pending"]]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "remind"));
    expect(audit.map((a) => [a.actorName, a.objectType, a.objectId])).toEqual([["a1", "form", "CDS_XA"]]);
    expect(audit[0]?.after).toMatchObject({ period: "202610", reminded: ["C11"], told: 1 });
  });

  test("refuses a unit outside the caller's scope, a unit not assigned the form, a reporter", async () => {
    const a1 = await login(t, "a1");
    const out = await remind(a1, ["C11", "C21"]);
    expect(out.statusCode).toBe(403);
    expect(out.json().error).toMatchObject({
      code: "OUT_OF_SCOPE",
      message: "Đơn vị C21 nằm ngoài phạm vi được phân quyền của bạn",
    });
    const bad = await remind(a1, ["C11", "D1"]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        path: "body.units.1",
        message: "Đơn vị D1 không phải nộp biểu mẫu CDS_XA",
        message_en: "Unit D1 does not report form CDS_XA",
      },
    ]);
    const period = await remind(a1, ["C11"], "2026-13");
    expect(period.statusCode).toBe(400);
    expect(period.json().error.details[0].path).toBe("body.period");
    const r11 = await login(t, "r11");
    expect((await remind(r11, ["C11"])).statusCode).toBe(403);
    const none = await t.database.db.select().from(notifications).where(eq(notifications.kind, "reminder"));
    expect(none).toHaveLength(1);
  });

  test(`allows ${REMINDS_PER_HOUR} reminders an hour per caller, then 429 with Retry-After`, async () => {
    clock.startClockAt(at("2026-11-08", 10));
    const ad = await login(t, "ad");
    for (let i = 0; i < REMINDS_PER_HOUR; i++) {
      clock.startClockAt(new Date(at("2026-11-08", 10).getTime() + i * 1000));
      expect((await remind(ad, ["C21"])).statusCode).toBe(200);
    }
    const limited = await remind(ad, ["C21"]);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("REMIND_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another caller has its own allowance; the first's comes back with time (one every 6 minutes).
    expect((await remind(await login(t, "a2"), ["C21"])).statusCode).toBe(200);
    clock.startClockAt(new Date(at("2026-11-08", 10).getTime() + 7 * 60_000));
    expect((await remind(ad, ["C21"])).statusCode).toBe(200);
    // r2 (C21's reporter, on D2) was told once per instant: 10 + 1 + 1.
    const r2 = await t.database.db.select().from(notifications).where(eq(notifications.userId, ids.r2));
    expect(r2.filter((n) => n.kind === "reminder")).toHaveLength(12);
  });
});
