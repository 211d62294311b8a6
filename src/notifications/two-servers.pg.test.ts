import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestLocation, testActor, testLocation } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { addDays } from "../domain/period/index.ts";
import { addUser, seedRhythm, smtpSink } from "./fixtures.test-helper.ts";
import { type Mailer, sendDueEmails, smtpMailer } from "./mailer.ts";
import { saveSettings } from "./service.ts";
import { sweepNotices } from "./sweep.ts";

// Two servers on one PostgreSQL: two pools, each sweeping and sending at the same moments.
let location: TestLocation;
let servers: Database[];
let sink: Awaited<ReturnType<typeof smtpSink>>;
let mailer: Mailer;

const EXTRA_REPORTERS = 30;

beforeAll(async () => {
  location = await testLocation();
  servers = [await location.open(), await location.open()];
  const [one] = servers as [Database];
  const ids = await seedRhythm(one);
  for (let i = 0; i < EXTRA_REPORTERS; i++) {
    const id = await addUser(one, `c11.r${i}`, [{ role: "reporter", unitCode: "C11" }]);
    await saveSettings(one.db, testActor, id, {
      email: `c11.r${i}@xa.example`,
      emailEnabled: true,
      muted: [],
    });
  }
  for (const [name, id] of Object.entries(ids)) {
    const muted = name === "r2" ? ["due_soon"] : [];
    await saveSettings(one.db, testActor, id, { email: `${name}@tinh.example`, emailEnabled: true, muted });
  }
  sink = await smtpSink();
  mailer = smtpMailer(sink.url, "chiso <nhac-viec@tinh.example>");
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await sink.close();
  for (const s of servers) await s.close();
  await location.dispose();
});

describe("two servers on one PostgreSQL", () => {
  test("store each notice once and send each e-mail once, running side by side", async () => {
    for (let d = 0; d < 12; d++) {
      const now = new Date(`${addDays("2026-11-01", d)}T09:00:00+07:00`);
      clock.startClockAt(now);
      await Promise.all(
        servers.flatMap((s) => [
          sweepNotices(s.db, now).then(() => sendDueEmails(s.db, mailer, now, 7)),
          sweepNotices(s.db, now).then(() => sendDueEmails(s.db, mailer, now, 5)),
        ]),
      );
    }
    const [one] = servers as [Database];
    const kinds = await queryRows<{ kind: string; n: number }>(
      one.db,
      sql`select kind, count(*)::int as n from notifications group by kind order by kind`,
    );
    // 31 reporters on C11, one on C12, r2 for C21 (who muted "due soon"); approvers of D1 and D2;
    // the province's admin. Nobody sends October's report.
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      form_open: 33,
      due_soon: 64,
      due_today: 33,
      overdue: 33,
      escalation: 2,
      escalation_province: 1,
    });
    const emails = await queryRows<{ status: string; attempts: number; n: number }>(
      one.db,
      sql`select status, attempts, count(*)::int as n from notification_emails group by 1, 2`,
    );
    expect(emails).toEqual([{ status: "delivered", attempts: 1, n: 166 }]);
    expect(sink.received).toHaveLength(166);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(166);
  });
});
