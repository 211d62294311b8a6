import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Headers,
  http,
  seedTinyTree,
  signIn,
  type TestApp,
  testActor,
  testApp,
} from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { saveDraft } from "../submissions/service.ts";
import { lastMonth, monthsFromNow } from "../submissions/test-helpers.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let reporter: Headers;
let approver: Headers;
let otherApprover: Headers;
let id: number;
const period = lastMonth();
const history = [100, 104, 98, 101, 97, 103, 100, 99, 102, 100, 98, 101];

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  // Twelve approved months of C11 before last month, then last month's draft with a stray zero.
  for (const [i, received] of history.entries()) {
    await saveDraft(t.database.db, testActor, null, {
      form: "CDS_XA",
      unit: "C11",
      period: monthsFromNow(i - 13),
      values: [
        { metric: "RECEIVED", value: received },
        { metric: "ANSWERED", value: received - 10 },
      ],
    });
  }
  await t.database.db.execute(sql`update submissions set status = 'approved'`);
  const saved = await saveDraft(t.database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C11",
    period,
    values: [
      { metric: "RECEIVED", value: 1010 },
      { metric: "ANSWERED", value: 91 },
    ],
  });
  id = saved.id;
  reporter = await signIn(t, "reporter_c11", [{ role: "reporter", unitCode: "C11" }]);
  approver = await signIn(t, "approver_d1", [{ role: "approver", unitCode: "D1" }]);
  otherApprover = await signIn(t, "approver_d2", [{ role: "approver", unitCode: "D2" }]);
});
afterAll(() => t.close());

describe("data-quality flags of a report", () => {
  it("flag a value out of line with the unit's own history and ask the reporter for a note", async () => {
    const res = await api.get(`/api/submissions/${id}/quality`, reporter);
    expect(res.statusCode).toBe(200);
    const [received, ...others] = res.json().values;
    expect(others).toEqual([]);
    expect(received).toMatchObject({ metric: "RECEIVED", value: 1010, comment: null, needsComment: true });
    expect(received.flags.map((f: { rule: string }) => f.rule)).toEqual(["history_range", "month_change"]);
    expect(received.flags[0].expected).toEqual({ low: 92, high: 109 });
    expect(received.flags[0].messageVi).toBe(
      "Giá trị 1.010 nằm ngoài khoảng thường gặp của đơn vị (92 – 109, tính từ 12 kỳ trước).",
    );
    expect(received.flags[1].messageEn).toMatch(
      /^Unusual change from the previous period: from 101 to 1,010 \(\+909; \+900\.00%\)/,
    );
  });

  it("do not refuse the save: a note clears the request for one, the flag stays", async () => {
    const save = await api.put("/api/submissions", reporter, {
      form: "CDS_XA",
      unit: "C11",
      period,
      version: 1,
      values: [{ metric: "RECEIVED", value: 1010, comment: "Đợt cao điểm cấp đổi giấy tờ" }],
    });
    expect(save.statusCode).toBe(200);
    const [received] = (await api.get(`/api/submissions/${id}/quality`, approver)).json().values;
    expect(received).toMatchObject({ needsComment: false, comment: "Đợt cao điểm cấp đổi giấy tờ" });
    expect(received.flags).toHaveLength(2);
  });

  it("are refused outside the caller's scope", async () => {
    expect((await api.get(`/api/submissions/${id}/quality`, otherApprover)).statusCode).toBe(403);
  });
});

describe("the outliers of a form and period, and their follow-up", () => {
  const url = `/api/quality/outliers?form=CDS_XA&period=${period}`;

  it("list the flagged values by unit and metric within the caller's scope", async () => {
    const res = await api.get(url, approver);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { unit: string; metric: string }) => `${i.unit} ${i.metric}`)).toEqual([
      "C11 RECEIVED",
    ]);
    expect((await api.get(url, otherApprover)).json().items).toEqual([]);
    expect((await api.get(`${url}&unit=D1`, otherApprover)).statusCode).toBe(403);
  });

  it("refuse a malformed period with its field", async () => {
    const res = await api.get("/api/quality/outliers?form=CDS_XA&period=2023-13", approver);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("querystring.period");
  });

  it("record a follow-up by an approver of the unit, audited, and show who and when", async () => {
    const body = { submission: id, metric: "RECEIVED", status: "confirmed", note: "Đã gọi xác minh" };
    expect((await api.put("/api/quality/follow-ups", reporter, body)).statusCode).toBe(403);
    expect((await api.put("/api/quality/follow-ups", otherApprover, body)).statusCode).toBe(403);
    const res = await api.put("/api/quality/follow-ups", approver, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "confirmed", note: "Đã gọi xác minh", by: "approver_d1" });
    const [item] = (await api.get(url, approver)).json().items;
    expect(item.followUp).toMatchObject({ status: "confirmed", by: "approver_d1" });
    const again = await api.put("/api/quality/follow-ups", approver, {
      ...body,
      status: "corrected",
      note: null,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: "corrected", note: null });
    const audit = await queryRows<{ action: string; before: unknown }>(
      t.database.db,
      sql`select action, before from audit_log where object_type = 'quality_follow_up' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["follow_up", "follow_up"]);
    expect(audit[1]?.before).toEqual({ status: "confirmed", note: "Đã gọi xác minh" });
  });

  it("refuse a metric the form does not have", async () => {
    const res = await api.put("/api/quality/follow-ups", approver, {
      submission: id,
      metric: "NOPE",
      status: "confirmed",
    });
    expect(res.statusCode).toBe(404);
  });
});
