import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import * as clock from "../config/clock.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth, monthsFromNow } from "./test-helpers.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let reporter: Headers;
let admin: Headers;
const period = lastMonth();

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  reporter = await signIn(t, "reporter_d1", [{ role: "reporter", unitCode: "D1" }]);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

const save = (unit: string, values: object[], extra: object = {}) =>
  api.put("/api/submissions", reporter, { form: "CDS_XA", unit, period, values, ...extra });
const detail = async (id: number) => (await api.get(`/api/submissions/${id}`, reporter)).json();
const paths = (res: { json(): { error: { details: { path: string }[] } } }) =>
  res.json().error.details.map((d) => d.path);

describe("values and rules", () => {
  it("names every bad value at values.N, with its metric code, and writes nothing", async () => {
    const first = await save("C11", [{ metric: "RECEIVED", value: 50 }]);
    const id = first.json().id;
    const res = await save(
      "C11",
      [
        { metric: "RECEIVED", value: -1 },
        { metric: "ANSWERED", value: 2.5 },
        { metric: "HAS_PORTAL", value: "có lẽ" },
        { metric: "ONLINE_RATE", value: 120 },
        { metric: "ANSWER_RATE", value: 1 },
        { metric: "NOTE", value: "x".repeat(50_001) },
        { metric: "ONLINE_RATE", value: "12,5" },
      ],
      { version: 1 },
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual([
      "body.values.0.value",
      "body.values.1.value",
      "body.values.2.value",
      "body.values.3.value",
      "body.values.4.metric",
      "body.values.5.value",
      "body.values.6.metric",
    ]);
    expect(res.json().error.details.map((d: { metric?: string }) => d.metric)).toEqual([
      "RECEIVED",
      "ANSWERED",
      "HAS_PORTAL",
      "ONLINE_RATE",
      "ANSWER_RATE",
      "NOTE",
      "ONLINE_RATE",
    ]);
    expect(res.json().error.details[0]).toMatchObject({
      message: "Giá trị phải từ 0 trở lên",
      message_en: "The value must be at least 0",
    });
    const stored = await detail(id);
    expect(stored.version).toBe(1);
    expect(stored.values.find((v: { metric: string }) => v.metric === "RECEIVED").value).toBe(50);
  });

  it("reads DHIS2-style strings and yes/no values", async () => {
    const res = await save("C12", [
      { metric: "RECEIVED", value: "40" },
      { metric: "ONLINE_RATE", value: "12.5" },
      { metric: "HAS_PORTAL", value: "1" },
      { metric: "NOTE", value: "Ghi chú" },
    ]);
    expect(res.statusCode).toBe(201);
    const values = (await detail(res.json().id)).values.map((v: { value: unknown }) => v.value);
    expect(values).toEqual([40, null, 12.5, true, "Ghi chú"]);
  });

  it("refuses a period of the wrong type, before the form opened, or not started", async () => {
    for (const p of ["2023Q3", "202212", monthsFromNow(2), "2023-13"]) {
      const res = await api.put("/api/submissions", reporter, {
        form: "CDS_XA",
        unit: "C11",
        period: p,
        values: [],
      });
      expect(res.statusCode, p).toBe(400);
      expect(paths(res)).toEqual(["body.period"]);
    }
  });

  it("keeps drafts of the current period but refuses to submit them before the period ends", async () => {
    const current = monthsFromNow(0);
    const values = [
      { metric: "RECEIVED", value: 1 },
      { metric: "ANSWERED", value: 1 },
    ];
    const res = await api.put("/api/submissions", admin, {
      form: "CDS_XA",
      unit: "C21",
      period: current,
      values,
    });
    expect(res.statusCode).toBe(201);
    const submit = await api.post(`/api/submissions/${res.json().id}/submit`, admin, { version: 1 });
    expect(submit.statusCode).toBe(400);
    expect(paths(submit)).toEqual(["body.period"]);
  });

  it("blocks submit on #{ANSWERED} <= #{RECEIVED} with 422 at rules.CODE, changing nothing", async () => {
    const saved = await save("C11", [{ metric: "ANSWERED", value: 60 }], { version: 1 });
    expect(saved.json().warnings.map((w: { path: string }) => w.path)).toEqual([
      "rules.ANSWERED_LE_RECEIVED",
    ]);
    const id = saved.json().id;
    const res = await api.post(`/api/submissions/${id}/submit`, reporter, { version: 2 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("RULES_FAILED");
    expect(res.json().error.details).toEqual([
      {
        path: "rules.ANSWERED_LE_RECEIVED",
        message: "Số hồ sơ đã giải quyết không được vượt số tiếp nhận",
        message_en: "Answered cannot exceed received",
        code: "error",
      },
    ]);
    expect(await detail(id)).toMatchObject({ status: "draft", version: 2, submittedAt: null });
  });

  it("blocks submit while a required metric is empty", async () => {
    const saved = await save("C12", [{ metric: "ANSWERED", value: null }], { version: 1 });
    expect(saved.json()).toMatchObject({ version: 1, counts: { unchanged: 1 } });
    const res = await api.post(`/api/submissions/${saved.json().id}/submit`, reporter, { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(paths(res)).toEqual(["metrics.ANSWERED"]);
  });

  it("lets a warning rule through and returns the warning", async () => {
    const saved = await save(
      "C12",
      [
        { metric: "ANSWERED", value: 30 },
        { metric: "ONLINE_RATE", value: 97 },
      ],
      { version: 1 },
    );
    const res = await api.post(`/api/submissions/${saved.json().id}/submit`, reporter, { version: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("submitted");
    expect(res.json().warnings.map((w: { path: string }) => w.path)).toEqual(["rules.ONLINE_RATE_PLAUSIBLE"]);
  });

  it("refuses a narrative section the form does not have", async () => {
    const res = await save("C11", [], { version: 2, narrative: { results: "ok", other: "x" } });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(["body.narrative.other"]);
  });

  it("refuses a unit that does not report the form", async () => {
    const res = await save("D1", [{ metric: "RECEIVED", value: 1 }]);
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(["body.unit"]);
  });
});

describe("the form's lock", () => {
  const old = "202301";
  const values = [{ metric: "RECEIVED", value: 3 }];

  it("refuses reporters after the lock date and lets them edit once an admin reopens", async () => {
    const locked = await api.put("/api/submissions", reporter, {
      form: "CDS_XA",
      unit: "C11",
      period: old,
      values,
    });
    expect(locked.statusCode).toBe(423);
    // It says since when, and who can open it again.
    expect(locked.json().error.message).toMatch(
      /^Báo cáo đã khóa \(kỳ báo cáo đã khóa từ ngày \d{2}\/\d{2}\/2023\), không thể sửa; quản trị viên của đơn vị cấp trên có thể mở lại kèm lý do$/,
    );
    expect(locked.json().error.message_en).toMatch(
      /^The report is locked \(its period locked on \d{2}\/\d{2}\/2023\) and cannot be changed; an administrator over the unit can reopen it with a reason$/,
    );
    const created = await api.put("/api/submissions", admin, {
      form: "CDS_XA",
      unit: "C11",
      period: old,
      values,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const still = await api.put("/api/submissions", reporter, {
      form: "CDS_XA",
      unit: "C11",
      period: old,
      values: [],
      version: 1,
      narrative: { results: "x" },
    });
    expect(still.statusCode).toBe(423);
    const byReporter = await api.post(`/api/submissions/${id}/reopen`, reporter, {
      version: 1,
      reason: "Bổ sung",
    });
    expect(byReporter.statusCode).toBe(403);
    const reopened = await api.post(`/api/submissions/${id}/reopen`, admin, {
      version: 1,
      reason: "Bổ sung số liệu",
      days: 3,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "draft", version: 2 });
    const until = Date.parse(reopened.json().reopenedUntil);
    expect(Math.round((until - clock.nowMs()) / 86_400_000)).toBe(3);
    const edit = await api.put("/api/submissions", reporter, {
      form: "CDS_XA",
      unit: "C11",
      period: old,
      values: [{ metric: "ANSWERED", value: 2 }],
      version: 2,
    });
    expect(edit.statusCode).toBe(200);
    const submitted = await api.post(`/api/submissions/${id}/submit`, reporter, { version: 3 });
    expect(submitted.json()).toMatchObject({ status: "submitted", late: true });
  });

  it("reopening an approved report returns it with the admin's reason", async () => {
    const list = await api.get(`/api/submissions?form=CDS_XA&period=${old}`, admin);
    const { id, version } = list.json()[0];
    const approved = await api.post(`/api/submissions/${id}/approve`, admin, { version });
    expect(approved.json().status).toBe("approved");
    const reopened = await api.post(`/api/submissions/${id}/reopen`, admin, {
      version: version + 1,
      reason: "Sửa sai",
    });
    expect(reopened.json()).toMatchObject({ status: "returned" });
    expect(await detail(id)).toMatchObject({ status: "returned", returnReason: "Sửa sai", locked: false });
  });
});
