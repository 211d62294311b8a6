import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import * as clock from "../config/clock.ts";
import { auditLog, notificationWebhooks } from "../db/schema/index.ts";
import { at, login, seedRhythm } from "./fixtures.test-helper.ts";
import { sweepNotices } from "./sweep.ts";
import { SIGNATURE_HEADER, sendDueWebhooks, signature } from "./webhook.ts";

const SECRET = "khoa-bi-mat-cua-tinh-2026";

interface Hit {
  body: string;
  signature: string;
}

/** A real HTTP receiver in the test process: answers each request with the next status of `plan` (then 200). */
async function receiver(plan: number[]) {
  const hits: Hit[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()]),
      });
      res.statusCode = plan.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/chiso`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let hook: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
  t = await testApp();
  await seedRhythm(t.database);
  hook = await receiver([500]);
});

afterAll(async () => {
  clock.startClockAt(TEST_NOW);
  await hook.close();
  await t.close();
});

describe("the notice webhook", () => {
  test("a province admin sets it; the secret is never answered in full; a short one is refused", async () => {
    clock.startClockAt(at("2026-11-01", 8));
    const ad = await login(t, "ad");
    const put = (payload: object) =>
      t.app.inject({ method: "PUT", url: "/api/notifications/webhook", headers: ad, payload });
    const short = await put({ url: hook.url, secret: "ngan", enabled: true });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe("body.secret");
    const noSecret = await put({ url: hook.url, enabled: true });
    expect(noSecret.json().error.details[0].path).toBe("body.secret");
    const ok = await put({ url: hook.url, secret: SECRET, enabled: true });
    expect(ok.json()).toEqual({ url: hook.url, enabled: true, secretEnd: "2026" });
    const got = await t.app.inject({ method: "GET", url: "/api/notifications/webhook", headers: ad });
    expect(got.body).not.toContain(SECRET);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectType, "webhook"));
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(audit).toHaveLength(1);
    const a1 = await login(t, "a1");
    const refused = await t.app.inject({ method: "GET", url: "/api/notifications/webhook", headers: a1 });
    expect(refused.statusCode).toBe(403);
  });

  test("POSTs each notice once, signed; a 500 is retried a minute later and delivered", async () => {
    const db = t.database.db;
    clock.startClockAt(at("2026-11-01"));
    expect(await sweepNotices(db, clock.now())).toBe(3);
    // The first POST is answered 500: retried, the others delivered.
    expect(await sendDueWebhooks(db, clock.now())).toEqual({ delivered: 2, retried: 1, failed: 0 });
    expect(await sendDueWebhooks(db, clock.now())).toEqual({ delivered: 0, retried: 0, failed: 0 });
    const later = new Date(clock.now().getTime() + 60_000);
    expect(await sendDueWebhooks(db, later)).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const rows = await db.select().from(notificationWebhooks);
    expect(rows.map((r) => [r.status, r.attempts]).sort()).toEqual([
      ["delivered", 1],
      ["delivered", 1],
      ["delivered", 2],
    ]);
    expect(hook.hits).toHaveLength(4);
    for (const hit of hook.hits) expect(hit.signature).toBe(signature(SECRET, hit.body));
    expect(hook.hits[0]?.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signature("another-secret-key", hook.hits[0]?.body ?? "")).not.toBe(hook.hits[0]?.signature);
    const sent = hook.hits.map((h) => JSON.parse(h.body) as { id: number; kind: string; title: string });
    expect(new Set(sent.map((s) => s.id)).size).toBe(3);
    expect(sent[0]).toMatchObject({
      kind: "form_open",
      title: "Mở kỳ báo cáo: Báo cáo chuyển đổi số cấp xã Tháng 10/2026",
    });
  });

  test("a 404 fails for good with the reason; a 503 and a receiver that is down are retried", async () => {
    const db = t.database.db;
    const gone = await receiver([404, 503]);
    const ad = await login(t, "ad");
    await t.app.inject({
      method: "PUT",
      url: "/api/notifications/webhook",
      headers: ad,
      payload: { url: gone.url, enabled: true },
    });
    clock.startClockAt(at("2026-11-02"));
    expect(await sweepNotices(db, clock.now())).toBe(2);
    // The first delivery is answered 404 (for good), the second 503 (retried).
    expect(await sendDueWebhooks(db, clock.now())).toEqual({ delivered: 0, retried: 1, failed: 1 });
    const rows = await db.select().from(notificationWebhooks).where(eq(notificationWebhooks.attempts, 1));
    const open = rows.filter((r) => r.status !== "delivered").sort((a, b) => a.id - b.id);
    expect(open.map((r) => [r.status, r.lastError])).toEqual([
      ["failed", "HTTP 404"],
      ["pending", "HTTP 503"],
    ]);
    // The receiver is down a minute later: retried again, with the reason.
    await gone.close();
    const later = new Date(clock.now().getTime() + 60_000);
    expect(await sendDueWebhooks(db, later)).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [down] = await db
      .select()
      .from(notificationWebhooks)
      .where(eq(notificationWebhooks.status, "pending"));
    expect(down?.attempts).toBe(2);
    expect(down?.lastError).toBe("fetch failed");
  });
});
