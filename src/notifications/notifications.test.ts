import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testActor, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import { notificationEmails, notifications, users } from "../db/schema/index.ts";
import { vietnamDate } from "../domain/period/index.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, returnSubmission, submit } from "../submissions/workflow.ts";
import { at, login as loginAs, seedRhythm, smtpSink } from "./fixtures.test-helper.ts";
import { type Mailer, sendDueEmails, smtpMailer } from "./mailer.ts";
import { sweepNotices } from "./sweep.ts";

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedRhythm>>;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let mailer: Mailer;

const values = [
  { metric: "RECEIVED", value: 10 },
  { metric: "ANSWERED", value: 8 },
];

async function send(unit: string) {
  const db = t.database.db;
  const draft = await saveDraft(db, testActor, null, { form: "CDS_XA", unit, period: "202610", values });
  return submit(db, testActor, null, draft.id, draft.version);
}

/** One run of the server's scheduler at the clock's instant, twice: the second must add nothing. */
async function tick() {
  await sweepNotices(t.database.db, clock.now());
  expect(await sweepNotices(t.database.db, clock.now())).toBe(0);
  await sendDueEmails(t.database.db, mailer, clock.now());
}

const login = (username: string) => loginAs(t, username);

beforeAll(async () => {
  t = await testApp();
  ids = await seedRhythm(t.database);
  sink = await smtpSink();
  mailer = smtpMailer(sink.url, "chiso <nhac-viec@tinh.example>");
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await sink.close();
  await t.close();
});

describe("a simulated month of October 2026's report (due 05/11)", () => {
  test("tells each person each thing once, on its day, and e-mails r11 through a real SMTP server", async () => {
    const db = t.database.db;
    for (let d = 0; d < 31; d++) {
      const day = vietnamDate(new Date(at("2026-10-25").getTime() + d * 86_400_000));
      clock.startClockAt(at(day, 7));
      await tick(); // before 08:00: nothing
      clock.startClockAt(at(day));
      await tick();
      clock.startClockAt(at(day, 10));
      if (day === "2026-11-03") await send("C12");
      if (day === "2026-11-04") {
        const [c12] = await db
          .execute(sql`select id, version from submissions where status = 'submitted'`)
          .then((r) => (r as unknown as { rows: { id: number; version: number }[] }).rows);
        if (!c12) throw new Error("C12 not submitted");
        await returnSubmission(db, testActor, null, c12.id, c12.version, "Thiếu số liệu tháng 10");
      }
      if (day === "2026-11-05") {
        const sent = await send("C21");
        await approve(db, testActor, null, sent.id, sent.version);
      }
      clock.startClockAt(at(day, 15));
      await tick();
    }
    const rows = await db
      .select({
        kind: notifications.kind,
        user: users.username,
        unit: notifications.unitCode,
        at: notifications.createdAt,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    const seen = rows.map((r) => `${vietnamDate(r.at)} ${r.kind} ${r.user} ${r.unit ?? "-"}`);
    expect(seen).toEqual([
      "2026-11-01 form_open r11 C11",
      "2026-11-01 form_open r12 C12",
      "2026-11-01 form_open r2 C21",
      "2026-11-02 due_soon r11 C11",
      "2026-11-02 due_soon r12 C12",
      "2026-11-03 approvals_waiting a1 -",
      "2026-11-04 due_soon r11 C11",
      "2026-11-04 approvals_waiting a1 -",
      "2026-11-04 returned r12 C12",
      // Returned at 11:00, C12's report is to send again: the afternoon run reminds r12 too.
      "2026-11-04 due_soon r12 C12",
      "2026-11-05 due_today r11 C11",
      "2026-11-05 due_today r12 C12",
      "2026-11-05 due_today r2 C21",
      "2026-11-06 overdue r11 C11",
      "2026-11-06 overdue r12 C12",
      "2026-11-08 escalation a1 -",
      "2026-11-12 escalation_province ad -",
    ]);
    const lists = await db
      .select({ kind: notifications.kind, body: notifications.bodyVi })
      .from(notifications)
      .where(sql`${notifications.kind} like 'escalation%'`);
    for (const l of lists) expect(l.body).toContain("02 đơn vị chưa gửi báo cáo");
    const [returned] = await db.select().from(notifications).where(eq(notifications.kind, "returned"));
    expect(returned?.bodyVi).toContain("Lý do: Thiếu số liệu tháng 10");
    expect(returned?.mandatory).toBe(true);

    // r11 has an address: five e-mails, each delivered once, with the notice's Message-ID.
    const emails = await db.select().from(notificationEmails);
    expect(emails.map((e) => [e.status, e.attempts])).toEqual(Array(5).fill(["delivered", 1]));
    expect(sink.received.map((m) => m.to)).toEqual(Array(5).fill("r11@xa.example"));
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(5);
    expect(sink.received[0]?.raw).toMatch(/Subject: =\?UTF-8\?/);
  });
});

describe("the notification centre", () => {
  test("lists my notices, counts the unread and marks them read; never another's", async () => {
    clock.startClockAt(TEST_NOW);
    const r11 = await login("r11");
    const list = await t.app.inject({ method: "GET", url: "/api/notifications", headers: r11 });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: { id: number; title: string; title_en: string }[]; unread: number };
    expect(body.unread).toBe(5);
    expect(body.items.map((i) => i.title)).toEqual([
      "Quá hạn: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
      "Hôm nay đến hạn: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
      "Còn 1 ngày đến hạn: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
      "Còn 3 ngày đến hạn: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
      "Mở kỳ báo cáo: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
    ]);
    expect(body.items[0]?.title_en).toBe("Overdue: Commune digital transformation report October 2026");

    // r12's notices are not r11's to read.
    const theirs = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, ids.r12));
    const other = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: r11,
      payload: { ids: theirs.map((n) => n.id) },
    });
    expect(other.json()).toEqual({ changed: 0, unread: 5 });

    const first = body.items[0]?.id ?? 0;
    const one = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: r11,
      payload: { ids: [first] },
    });
    expect(one.json()).toEqual({ changed: 1, unread: 4 });
    const unread = await t.app.inject({ method: "GET", url: "/api/notifications?unread=true", headers: r11 });
    expect((unread.json() as { items: { id: number }[] }).items.map((i) => i.id)).not.toContain(first);
    const all = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: r11,
      payload: {},
    });
    expect(all.json()).toEqual({ changed: 4, unread: 0 });
    const count = await t.app.inject({ method: "GET", url: "/api/notifications/unread-count", headers: r11 });
    expect(count.json()).toEqual({ unread: 0 });
  });

  test("a signed-out caller gets 401", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/notifications/unread-count" });
    expect(res.statusCode).toBe(401);
  });

  test("keeps my address and choices; a mandatory kind cannot be muted", async () => {
    const r12 = await login("r12");
    const put = (payload: object) =>
      t.app.inject({ method: "PUT", url: "/api/notifications/settings", headers: r12, payload });
    const bad = await put({ email: "r12@xa.example", emailEnabled: true, muted: ["overdue"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      path: "body.muted.0",
      message: "Không thể tắt loại thông báo này",
      message_en: "This kind of notice cannot be turned off",
    });
    const badMail = await put({ email: "không phải thư", emailEnabled: true, muted: [] });
    expect(badMail.json().error.details[0].path).toBe("body.email");
    const ok = await put({ email: "r12@xa.example", emailEnabled: false, muted: ["form_open"] });
    expect(ok.statusCode).toBe(200);
    const got = await t.app.inject({ method: "GET", url: "/api/notifications/settings", headers: r12 });
    expect(got.json()).toEqual({ email: "r12@xa.example", emailEnabled: false, muted: ["form_open"] });
    // One address per person: the user's own, which the users import and the admin set too.
    const [user] = await t.database.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.username, "r12"));
    expect(user?.email).toBe("r12@xa.example");
  });
});
