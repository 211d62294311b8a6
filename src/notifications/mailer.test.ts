import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testActor, testDatabase } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import type { Database } from "../db/client.ts";
import { notificationEmails, notifications } from "../db/schema/index.ts";
import { noticeKey } from "../domain/notices/index.ts";
import { seedRhythm, smtpSink } from "./fixtures.test-helper.ts";
import { MAX_ATTEMPTS, type Mailer, sendDueEmails, smtpMailer } from "./mailer.ts";
import { saveSettings } from "./service.ts";
import { storeNotices } from "./store.ts";
import { sweepNotices } from "./sweep.ts";

let database: Database;
let ids: Awaited<ReturnType<typeof seedRhythm>>;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let mailer: Mailer;
let busyOnce = true;

/** r11's mailbox does not exist (550); r12's server is busy once (451); busy@ always is. */
function reject(address: string) {
  if (address === "r11@xa.example") return { code: 550, text: "5.1.1 Mailbox unavailable" };
  if (address === "busy@xa.example" || (address === "r12@xa.example" && busyOnce)) {
    busyOnce = address !== "r12@xa.example" && busyOnce;
    return { code: 451, text: "4.3.0 Try again later" };
  }
  return null;
}

const emailOf = async (userId: number) => {
  const [row] = await database.db
    .select({ e: notificationEmails })
    .from(notificationEmails)
    .innerJoin(notifications, eq(notifications.id, notificationEmails.notificationId))
    .where(eq(notifications.userId, userId));
  if (!row) throw new Error(`no e-mail for user ${userId}`);
  return row.e;
};

/** A notice of its own kind to `userId`, stored at the clock's instant. */
async function notify(userId: number, step: string) {
  const base = {
    kind: "overdue" as const,
    form: "CDS_XA",
    period: "202610",
    unit: "C11",
    recipient: userId,
    step,
  };
  const notice = {
    ...base,
    key: noticeKey(base),
    units: ["C11"],
    dueDate: "2026-11-05",
    count: 0,
    reason: null,
  };
  const names = { form: (c: string) => c, unit: (c: string) => c };
  await storeNotices(database.db, [notice], names, clock.now());
}

beforeAll(async () => {
  database = await testDatabase();
  ids = await seedRhythm(database);
  await saveSettings(database.db, testActor, ids.r12, {
    email: "r12@xa.example",
    emailEnabled: true,
    muted: [],
  });
  sink = await smtpSink(reject);
  mailer = smtpMailer(sink.url, "chiso <nhac-viec@tinh.example>");
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await sink.close();
  await database.close();
});

describe("sending e-mail", () => {
  test("a refused mailbox fails with the reason; a busy server is tried again after the back-off", async () => {
    const now = new Date("2026-11-02T09:00:00+07:00");
    clock.startClockAt(now);
    const tally = (delivered: number, retried: number, failed: number) => ({ delivered, retried, failed });
    expect(await sweepNotices(database.db, now)).toBe(2); // r11 and r12, 3 days before
    expect(await sendDueEmails(database.db, mailer, now)).toEqual(tally(0, 1, 1));
    const failed = await emailOf(ids.r11);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toContain("550");
    const waiting = await emailOf(ids.r12);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("451");
    expect(waiting.nextAttemptAt.toISOString()).toBe("2026-11-02T02:01:00.000Z"); // a minute later

    expect(await sendDueEmails(database.db, mailer, now)).toEqual(tally(0, 0, 0));
    expect(await sendDueEmails(database.db, mailer, new Date(now.getTime() + 60_000))).toEqual(
      tally(1, 0, 0),
    );
    expect(await emailOf(ids.r12)).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect(sink.received.map((m) => m.to)).toEqual(["r12@xa.example"]);
  });

  test("a claim whose server died is taken again when its lease runs out", async () => {
    clock.startClockAt(new Date("2026-11-03T09:00:00+07:00"));
    await saveSettings(database.db, testActor, ids.a1, {
      email: "a1@tinh.example",
      emailEnabled: true,
      muted: [],
    });
    await notify(ids.a1, "lease");
    const row = await emailOf(ids.a1);
    // A server claimed it, then died before it could say how the send went.
    await database.db
      .update(notificationEmails)
      .set({ status: "sending", attempts: 1, leaseUntil: new Date(clock.nowMs() + 60_000) })
      .where(eq(notificationEmails.id, row.id));
    expect((await sendDueEmails(database.db, mailer, clock.now())).delivered).toBe(0);
    clock.advanceClock(61_000);
    expect((await sendDueEmails(database.db, mailer, clock.now())).delivered).toBe(1);
    expect(await emailOf(ids.a1)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  test("waits out the quiet hours (21:00–07:00 in Việt Nam)", async () => {
    clock.startClockAt(new Date("2026-11-03T22:00:00+07:00"));
    await saveSettings(database.db, testActor, ids.a2, {
      email: "a2@tinh.example",
      emailEnabled: true,
      muted: [],
    });
    await notify(ids.a2, "night");
    expect((await emailOf(ids.a2)).nextAttemptAt.toISOString()).toBe("2026-11-04T00:00:00.000Z");
    expect((await sendDueEmails(database.db, mailer, clock.now())).delivered).toBe(0);
    clock.startClockAt(new Date("2026-11-04T07:00:00+07:00"));
    expect((await sendDueEmails(database.db, mailer, clock.now())).delivered).toBe(1);
  });

  test(`fails after ${MAX_ATTEMPTS} attempts at a server that stays busy`, async () => {
    clock.startClockAt(new Date("2026-11-05T08:00:00+07:00"));
    await saveSettings(database.db, testActor, ids.ad, {
      email: "busy@xa.example",
      emailEnabled: true,
      muted: [],
    });
    await notify(ids.ad, "busy");
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const row = await emailOf(ids.ad);
      clock.startClockAt(row.nextAttemptAt);
      await sendDueEmails(database.db, mailer, clock.now());
    }
    const row = await emailOf(ids.ad);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toContain("451");
  });
});
