import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth } from "./test-helpers.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let reporter: Headers;
let otherReporter: Headers;
let approver: Headers;
const period = lastMonth();

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  reporter = await signIn(t, "reporter_c11", [{ role: "reporter", unitCode: "C11" }]);
  otherReporter = await signIn(t, "reporter_c12", [{ role: "reporter", unitCode: "C12" }]);
  approver = await signIn(t, "approver_d1", [{ role: "approver", unitCode: "D1" }]);
});
afterAll(() => t.close());

const draft = (unit: string, values: object[], version?: number) => ({
  form: "CDS_XA",
  unit,
  period,
  version,
  values,
});
const valuesOf = async (id: number, who: Headers) =>
  Object.fromEntries(
    (await api.get(`/api/submissions/${id}`, who))
      .json()
      .values.map((v: { metric: string; value: unknown }) => [v.metric, v.value]),
  );

describe("the reporting workflow", () => {
  let id: number;

  it("runs draft → submitted → returned → submitted → approved", async () => {
    const saved = await api.put("/api/submissions", reporter, {
      ...draft("C11", [
        { metric: "RECEIVED", value: 120 },
        { metric: "ANSWERED", value: 100 },
      ]),
      narrative: { results: "Tốt" },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      status: "draft",
      version: 1,
      created: true,
      counts: { imported: 2 },
    });
    id = saved.json().id;

    const submitted = await api.post(`/api/submissions/${id}/submit`, reporter, { version: 1 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "submitted", version: 2 });

    const noReason = await api.post(`/api/submissions/${id}/return`, approver, { version: 2, reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe("body.reason");

    const returned = await api.post(`/api/submissions/${id}/return`, approver, {
      version: 2,
      reason: "Sai số tiếp nhận",
    });
    expect(returned.json()).toMatchObject({ status: "returned", version: 3 });

    const fixed = await api.put(
      "/api/submissions",
      reporter,
      draft("C11", [{ metric: "RECEIVED", value: 130 }], 3),
    );
    expect(fixed.json()).toMatchObject({ status: "returned", version: 4, counts: { updated: 1 } });
    expect((await api.post(`/api/submissions/${id}/submit`, reporter, { version: 4 })).json().status).toBe(
      "submitted",
    );
    const approved = await api.post(`/api/submissions/${id}/approve`, approver, { version: 5 });
    expect(approved.json()).toMatchObject({ status: "approved", version: 6 });

    const detail = (await api.get(`/api/submissions/${id}`, reporter)).json();
    expect(detail).toMatchObject({ status: "approved", locked: true, narrative: { results: "Tốt" } });
    expect(detail.history.map((h: { action: string; status: string }) => [h.action, h.status])).toEqual([
      ["create", "draft"],
      ["submit", "submitted"],
      ["return", "returned"],
      ["submit", "submitted"],
      ["approve", "approved"],
    ]);
    expect(detail.history[2]).toMatchObject({ by: "approver_d1", reason: "Sai số tiếp nhận" });
    expect(await valuesOf(id, reporter)).toMatchObject({ RECEIVED: 130, ANSWERED: 100, NOTE: null });
  });

  it("refuses another commune's reporter with OUT_OF_SCOPE naming the unit", async () => {
    const res = await api.put(
      "/api/submissions",
      otherReporter,
      draft("C11", [{ metric: "RECEIVED", value: 1 }], 6),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "OUT_OF_SCOPE",
      message_en: "Unit C11 is outside your assigned scope",
    });
    expect((await api.get(`/api/submissions/${id}`, otherReporter)).statusCode).toBe(403);
  });

  it("locks approved data: an edit gets 423 LOCKED and changes nothing", async () => {
    const res = await api.put(
      "/api/submissions",
      reporter,
      draft("C11", [{ metric: "RECEIVED", value: 999 }], 6),
    );
    expect(res.statusCode).toBe(423);
    expect(res.json().error).toMatchObject({
      code: "LOCKED",
      message:
        "Báo cáo đã khóa (đã phê duyệt), không thể sửa; quản trị viên của đơn vị cấp trên có thể mở lại kèm lý do",
    });
    const detail = (await api.get(`/api/submissions/${id}`, reporter)).json();
    expect(detail.version).toBe(6);
    expect(await valuesOf(id, reporter)).toMatchObject({ RECEIVED: 130 });
  });

  it("refuses a stale version with 409 and keeps the stored values", async () => {
    const created = await api.put(
      "/api/submissions",
      otherReporter,
      draft("C12", [{ metric: "RECEIVED", value: 10 }]),
    );
    const c12 = created.json().id;
    expect(
      (await api.put("/api/submissions", otherReporter, draft("C12", [{ metric: "RECEIVED", value: 11 }], 1)))
        .statusCode,
    ).toBe(200);
    const stale = await api.put(
      "/api/submissions",
      otherReporter,
      draft("C12", [{ metric: "RECEIVED", value: 12 }], 1),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "STALE_VERSION" });
    const noVersion = await api.put(
      "/api/submissions",
      otherReporter,
      draft("C12", [{ metric: "RECEIVED", value: 13 }]),
    );
    // A version not given for a report that exists is named, not taken for somebody's change.
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details).toEqual([
      {
        path: "body.version",
        message: "Báo cáo đã có (phiên bản 2): gửi kèm phiên bản đang sửa (version), hoặc tải lại báo cáo",
        message_en: "The report exists (version 2): send the version you are changing, or reload the report",
      },
    ]);
    const staleSubmit = await api.post(`/api/submissions/${c12}/submit`, otherReporter, { version: 1 });
    expect(staleSubmit.statusCode).toBe(409);
    expect(await valuesOf(c12, otherReporter)).toMatchObject({ RECEIVED: 11 });
    expect((await api.get(`/api/submissions/${c12}`, otherReporter)).json()).toMatchObject({
      status: "draft",
      version: 2,
    });
  });

  it("lets an approver act only on communes of its district", async () => {
    const d2reporter = await signIn(t, "reporter_c21", [{ role: "reporter", unitCode: "C21" }]);
    const saved = await api.put(
      "/api/submissions",
      d2reporter,
      draft("C21", [
        { metric: "RECEIVED", value: 5 },
        { metric: "ANSWERED", value: 5 },
      ]),
    );
    const c21 = saved.json().id;
    await api.post(`/api/submissions/${c21}/submit`, d2reporter, { version: 1 });
    const res = await api.post(`/api/submissions/${c21}/approve`, approver, { version: 2 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: "OUT_OF_SCOPE" });
    const byReporter = await api.post(`/api/submissions/${c21}/approve`, d2reporter, { version: 2 });
    expect(byReporter.json().error.code).toBe("FORBIDDEN");
  });

  it("lets viewers read and lists only reports in the caller's scope", async () => {
    const viewer = await signIn(t, "viewer_d1", [{ role: "viewer", unitCode: "D1" }]);
    const list = await api.get(`/api/submissions?form=CDS_XA&period=${period}`, viewer);
    expect(list.json().map((s: { unit: string }) => s.unit)).toEqual(["C11", "C12"]);
    const write = await api.put(
      "/api/submissions",
      viewer,
      draft("C11", [{ metric: "RECEIVED", value: 1 }], 6),
    );
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("FORBIDDEN");
  });

  it("records the values before and after each save in the audit trail", async () => {
    const rows = await t.database.db.execute(
      `select before, after from audit_log where object_type = 'submission' and action = 'save' order by id limit 1`,
    );
    const [first] = (rows as unknown as { rows: { before: { values: object }; after: { values: object } }[] })
      .rows;
    expect(first?.before.values).toEqual({ RECEIVED: { value: 120, comment: null } });
    expect(first?.after.values).toEqual({ RECEIVED: { value: 130, comment: null } });
  });
});
