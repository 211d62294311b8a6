import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import type { Principal } from "../access/principal.ts";
import { principalFromSession } from "../auth/service.ts";
import { approvedReport, seedTinyPlan } from "../plans/test-fixtures.ts";
import { saveDraft } from "../submissions/service.ts";
import { returnSubmission, submit } from "../submissions/workflow.ts";
import { worklist } from "./service.ts";

let t: TestApp;
let reporter: { cookie: string };
let principal: Principal;

/** 20 November 2023 in Việt Nam: October is due on 5 November (overdue), November is running. */
const NOW = new Date("2023-11-20T03:00:00Z");

beforeAll(async () => {
  t = await testApp();
  await seedTinyPlan(t);
  const db = t.database.db;
  await approvedReport(db, "C11", "202309", { DONE: 1, TOTAL: 2 });
  // C11's August report was sent back with a reason; C12's October report waits for approval.
  const at = new Date("2023-09-03T03:00:00Z");
  const draft = await saveDraft(
    db,
    testActor,
    null,
    {
      form: "TINY_MONTHLY",
      unit: "C11",
      period: "202308",
      values: [
        { metric: "DONE", value: 1 },
        { metric: "TOTAL", value: 1 },
      ],
    },
    { now: at },
  );
  const sent = await submit(db, testActor, null, draft.id, draft.version, { now: at });
  await returnSubmission(db, testActor, null, sent.id, sent.version, "Thiếu số hồ sơ tồn", { now: at });
  const c12 = await saveDraft(
    db,
    testActor,
    null,
    {
      form: "TINY_MONTHLY",
      unit: "C12",
      period: "202310",
      values: [
        { metric: "DONE", value: 1 },
        { metric: "TOTAL", value: 1 },
      ],
    },
    { now: NOW },
  );
  await submit(db, testActor, null, c12.id, c12.version, { now: NOW });
  reporter = await signIn(t, "d1.baocao", [{ role: "reporter", unitCode: "D1" }]);
  const session = reporter.cookie.split("=")[1] ?? "";
  principal = (await principalFromSession(db, session)) as Principal;
});
afterAll(() => t.close());

describe("a reporter's to-do list", () => {
  test("lists returned, overdue and running reports of the units below the grant, most urgent first", async () => {
    const list = await worklist(t.database.db, principal, NOW);
    expect(list.today).toBe("2023-11-20");
    const brief = list.items.map((i) => `${i.state} ${i.unit} ${i.period} ${i.status}`);
    expect(brief).toEqual([
      "returned C11 202308 returned",
      "overdue C11 202310 none",
      "open C11 202311 none",
      "open C12 202311 none",
      "submitted C12 202310 submitted",
    ]);
    expect(list.items[0]).toMatchObject({ returnReason: "Thiếu số hồ sơ tồn", dueDate: "2023-09-05" });
    expect(list.items[1]).toMatchObject({
      dueDate: "2023-11-05",
      lockDate: "2023-12-05",
      submissionId: null,
    });
  });

  test("counts, without listing, the recent reports never sent and now locked", async () => {
    const list = await worklist(t.database.db, principal, NOW);
    // C12: 202301…202309 past their lock date; C11: 202301…202307 (202308 returned, 202309 approved).
    expect(list.lockedMissing).toBe(9 + 7);
  });

  test("answers over HTTP for the signed-in user, and nothing to a user with no reporter grant", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/worklist", headers: reporter });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    const viewer = await signIn(t, "xem", [{ role: "viewer", unitCode: "P" }]);
    const none = await t.app.inject({ method: "GET", url: "/api/worklist", headers: viewer });
    expect(none.json()).toMatchObject({ items: [], lockedMissing: 0 });
    const anonymous = await t.app.inject({ method: "GET", url: "/api/worklist" });
    expect(anonymous.statusCode).toBe(401);
  });
});
