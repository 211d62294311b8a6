import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import { auditLog } from "../db/schema/index.ts";
import { addUser, at, login, seedRhythm, smtpSink } from "./fixtures.test-helper.ts";
import { sendDueEmails, smtpMailer } from "./mailer.ts";
import { sweepNotices } from "./sweep.ts";

let t: TestApp;
let province: { cookie: string };
let district: { cookie: string };

interface Upcoming {
  day: string;
  kind: string;
  recipient: { username: string };
  unit: string | null;
  title: string;
}
const upcomingAs = async (headers: Record<string, string>, query = "days=8") => {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/notifications/admin/upcoming?${query}`,
    headers,
  });
  expect(res.statusCode).toBe(200);
  const items = res.json() as Upcoming[];
  return {
    items,
    total: Number(res.headers["x-total-count"]),
    lines: items.map((i) => `${i.day} ${i.kind} ${i.recipient.username}`),
  };
};

beforeAll(async () => {
  t = await testApp();
  await seedRhythm(t.database);
  await addUser(t.database, "add1", [{ role: "admin", unitCode: "D1" }]);
  province = await login(t, "ad");
  district = await login(t, "add1");
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await t.close();
});

describe("upcoming notices", () => {
  test("lists what the next sweeps will send, once each on its day, without the muted kinds", async () => {
    clock.startClockAt(at("2026-10-30"));
    const { lines, total, items } = await upcomingAs(province);
    expect(lines).toEqual([
      "2026-11-01 form_open r11",
      "2026-11-01 form_open r12",
      "2026-11-01 form_open r2",
      // r2 muted "due soon".
      "2026-11-02 due_soon r11",
      "2026-11-02 due_soon r12",
      "2026-11-04 due_soon r11",
      "2026-11-04 due_soon r12",
      "2026-11-05 due_today r11",
      "2026-11-05 due_today r12",
      "2026-11-05 due_today r2",
      "2026-11-06 overdue r11",
      "2026-11-06 overdue r12",
      "2026-11-06 overdue r2",
    ]);
    expect(total).toBe(13);
    expect(items[0]?.title).toBe("Mở kỳ báo cáo: Báo cáo chuyển đổi số cấp xã Tháng 10/2026");
    const page = await upcomingAs(province, "days=8&kind=overdue&limit=2&offset=1");
    expect([page.lines, page.total]).toEqual([["2026-11-06 overdue r12", "2026-11-06 overdue r2"], 3]);
  });

  test("shows a district's admin only the notices to the users it manages", async () => {
    clock.startClockAt(at("2026-10-30"));
    const { lines } = await upcomingAs(district, "days=8&kind=form_open");
    expect(lines).toEqual(["2026-11-01 form_open r11", "2026-11-01 form_open r12"]);
  });

  test("leaves out what is already stored", async () => {
    clock.startClockAt(at("2026-11-01", 10));
    await sweepNotices(t.database.db, clock.now());
    const { lines } = await upcomingAs(province, "days=2");
    expect(lines).toEqual(["2026-11-02 due_soon r11", "2026-11-02 due_soon r12"]);
  });

  test("refuses a reporter and a bad number of days", async () => {
    const r11 = await login(t, "r11");
    const res = await t.app.inject({ method: "GET", url: "/api/notifications/admin/upcoming", headers: r11 });
    expect(res.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/notifications/admin/upcoming?days=90",
      headers: province,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("querystring.days");
  });
});

interface LogEntry {
  id: number;
  kind: string;
  status: string;
  recipient: { username: string };
  email: { status: string; attempts: number; lastError: string | null } | null;
}
const logAs = async (headers: Record<string, string>, query = "") => {
  const res = await t.app.inject({ method: "GET", url: `/api/notifications/admin/log?${query}`, headers });
  expect(res.statusCode).toBe(200);
  return { items: res.json() as LogEntry[], total: Number(res.headers["x-total-count"]) };
};

describe("the sent log and resend", () => {
  test("shows a failed e-mail with its reason; resending it (audited) delivers it", async () => {
    clock.startClockAt(at("2026-11-01", 10));
    const refusing = await smtpSink(() => ({ code: 550, text: "Mailbox unavailable" }));
    await sendDueEmails(t.database.db, smtpMailer(refusing.url, "chiso <a@b.example>"), clock.now());
    await refusing.close();

    const all = await logAs(province);
    expect(all.total).toBe(3);
    expect(all.items.map((i) => `${i.kind} ${i.recipient.username} ${i.status}`)).toEqual([
      "form_open r2 sent",
      "form_open r12 sent",
      "form_open r11 failed",
    ]);
    const failed = await logAs(province, "status=failed");
    expect(failed.total).toBe(1);
    const entry = failed.items[0];
    expect(entry?.email).toMatchObject({ status: "failed", attempts: 1 });
    expect(entry?.email?.lastError).toContain("Mailbox unavailable");

    const resend = await t.app.inject({
      method: "POST",
      url: `/api/notifications/admin/log/${entry?.id}/resend`,
      headers: province,
    });
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toMatchObject({
      status: "pending",
      email: { status: "pending", attempts: 0, lastError: null },
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "resend"));
    expect(audit.map((a) => [a.objectType, a.objectId])).toEqual([["notification", String(entry?.id)]]);

    const sink = await smtpSink();
    const tally = await sendDueEmails(
      t.database.db,
      smtpMailer(sink.url, "chiso <a@b.example>"),
      clock.now(),
    );
    await sink.close();
    expect(tally).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(sink.received.map((m) => m.to)).toEqual(["r11@xa.example"]);
    expect((await logAs(province, "status=sent")).total).toBe(3);
  });

  test("a district's admin reads and resends only its users' notices; no address is a 409", async () => {
    const { items, total } = await logAs(district);
    expect([total, items.map((i) => i.recipient.username)]).toEqual([2, ["r12", "r11"]]);
    const all = await logAs(province, "kind=form_open");
    const r2s = all.items.find((i) => i.recipient.username === "r2");
    const r12s = all.items.find((i) => i.recipient.username === "r12");
    const url = (id: number | undefined) => `/api/notifications/admin/log/${id}/resend`;
    const hidden = await t.app.inject({ method: "POST", url: url(r2s?.id), headers: district });
    expect(hidden.statusCode).toBe(404);
    const noAddress = await t.app.inject({ method: "POST", url: url(r12s?.id), headers: district });
    expect(noAddress.statusCode).toBe(409);
    expect(noAddress.json().error).toMatchObject({
      code: "NOTICE_NO_ADDRESS",
      message: "Người dùng r12 chưa có địa chỉ thư điện tử hoặc đã tắt nhận thư",
    });
  });
});

describe("a form's notice settings", () => {
  const url = "/api/forms/CDS_XA/notice-settings";
  test("reads the defaults, refuses bad days with the field in both languages, saves (audited)", async () => {
    const got = await t.app.inject({ method: "GET", url, headers: province });
    expect(got.json()).toEqual({
      form: "CDS_XA",
      remindDaysBefore: [3, 1],
      escalateAfterDays: 3,
      escalateProvinceAfterDays: 7,
      isDefault: true,
    });
    const put = (payload: object, headers = province) =>
      t.app.inject({ method: "PUT", url, headers, payload });
    const bad = await put({ remindDaysBefore: [2, 2], escalateAfterDays: 5, escalateProvinceAfterDays: 4 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.remindDaysBefore.1",
        message: "Số ngày nhắc bị lặp",
        message_en: "This reminder day is repeated",
      }),
      expect.objectContaining({ path: "body.escalateProvinceAfterDays" }),
    ]);
    const negative = await put({
      remindDaysBefore: [0],
      escalateAfterDays: -1,
      escalateProvinceAfterDays: 400,
    });
    expect(negative.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.remindDaysBefore.0",
      "body.escalateAfterDays",
      "body.escalateProvinceAfterDays",
    ]);
    const scoped = await put(
      { remindDaysBefore: [5], escalateAfterDays: 2, escalateProvinceAfterDays: 4 },
      district,
    );
    expect(scoped.json().error.code).toBe("PROVINCE_ADMIN_ONLY");

    const ok = await put({ remindDaysBefore: [1, 5], escalateAfterDays: 2, escalateProvinceAfterDays: 4 });
    expect(ok.json()).toEqual({
      form: "CDS_XA",
      remindDaysBefore: [5, 1],
      escalateAfterDays: 2,
      escalateProvinceAfterDays: 4,
      isDefault: false,
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectType, "form_notice_settings"));
    expect(audit.map((a) => a.objectId)).toEqual(["CDS_XA"]);
    expect(audit[0]?.before).toMatchObject({ isDefault: true });

    // The next sweeps follow them: the November report (due 05/12) is recalled 5 days before.
    clock.startClockAt(at("2026-11-29"));
    const { lines } = await upcomingAs(await login(t, "ad"), "days=2&kind=due_soon");
    expect(lines).toEqual(["2026-11-30 due_soon r11", "2026-11-30 due_soon r12"]);
  });
});
