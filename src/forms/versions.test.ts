import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { LAST_MONTH, THIS_MONTH } from "../../test/test-clock.ts";
import { draftWithValues } from "../submissions/test-helpers.ts";

let t: TestApp;
let admin: { cookie: string };
let reporter: { cookie: string };
let lastReport: number;
const api = () => http(t);
const codes = (list: { code: string }[]) => list.map((x) => x.code);

// From this month on: ANSWERED leaves the form, ONLINE_RATE is for districts only.
const change = {
  validFrom: THIS_MONTH,
  metrics: [
    { code: "RECEIVED", required: true },
    { code: "ONLINE_RATE", groups: ["district"] },
    { code: "NOTE" },
  ],
  rules: [
    {
      code: "RECEIVED_SMALL",
      expression: "#{RECEIVED} <= 100000",
      severity: "warning",
      messageVi: "Số tiếp nhận lớn bất thường",
      messageEn: "Unusually many received",
    },
  ],
};

async function versionAudits(): Promise<unknown[]> {
  const audit = await t.database.db.execute(
    "select before, after from audit_log where object_type = 'form' and action = 'change_version'",
  );
  return (audit as unknown as { rows: unknown[] }).rows;
}

beforeAll(async () => {
  t = await testApp();
  // C11 has a draft of last month on the form as created (RECEIVED 120, ANSWERED 100).
  lastReport = (await draftWithValues(t.database)).id;
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  reporter = await signIn(t, "c11.baocao", [{ role: "reporter", unitCode: "C11" }]);
});
afterAll(() => t.close());

describe("versions of a form's metrics and rules", () => {
  it("refuses a bad change with each field's path, and writes nothing", async () => {
    const bad = {
      validFrom: LAST_MONTH,
      metrics: [{ code: "RECEIVED" }, { code: "NO_SUCH" }, { code: "RECEIVED" }],
      rules: [{ ...change.rules[0], expression: "#{ANSWERED} <= 1" }],
    };
    const res = await api().put("/api/forms/CDS_XA/metrics", admin, bad);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details.map((d: { path: string }) => d.path)).toEqual([
      "body.validFrom",
      "body.metrics.1.code",
      "body.metrics.2.code",
      "body.rules.0.expression",
    ]);
    expect(details[0].message_en).toContain(`Reports exist up to ${LAST_MONTH}`);
    const form = (await api().get("/api/forms/CDS_XA", admin)).json();
    expect(form.versions).toEqual([{ validFrom: null, metricCount: 5 }]);
    expect(await versionAudits()).toEqual([]);
    const period = await api().put("/api/forms/CDS_XA/metrics", admin, { ...change, validFrom: "2026Q4" });
    expect([period.statusCode, period.json().error.details[0].path]).toEqual([400, "body.validFrom"]);
  });

  it("is for province admins only", async () => {
    const res = await api().put("/api/forms/CDS_XA/metrics", reporter, change);
    expect(res.statusCode).toBe(403);
  });

  it("takes effect from the chosen period; a report made before keeps the version it was made on", async () => {
    const res = await api().put("/api/forms/CDS_XA/metrics", admin, change);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      validFrom: THIS_MONTH,
      versions: [
        { validFrom: null, metricCount: 5 },
        { validFrom: THIS_MONTH, metricCount: 3 },
      ],
    });
    const before = (await api().get(`/api/forms/CDS_XA?unit=C11&period=${LAST_MONTH}`, reporter)).json();
    expect(codes(before.metrics)).toEqual(["RECEIVED", "ANSWERED", "ONLINE_RATE", "HAS_PORTAL", "NOTE"]);
    const after = (await api().get(`/api/forms/CDS_XA?unit=C11&period=${THIS_MONTH}`, reporter)).json();
    expect(codes(after.metrics)).toEqual(["RECEIVED", "NOTE"]);
    expect(codes(after.rules)).toEqual(["RECEIVED_SMALL"]);

    const detail = (await api().get(`/api/submissions/${lastReport}`, reporter)).json();
    expect(detail.values.find((v: { metric: string }) => v.metric === "ANSWERED").value).toBe(100);
    const submitted = await api().post(`/api/submissions/${lastReport}/submit`, reporter, {
      version: detail.version,
    });
    expect(submitted.statusCode).toBe(200);

    const base = { form: "CDS_XA", unit: "C11", period: THIS_MONTH };
    const refused = await api().put("/api/submissions", reporter, {
      ...base,
      values: [{ metric: "ANSWERED", value: 3 }],
    });
    expect([refused.statusCode, refused.json().error.details[0].path]).toEqual([400, "body.values.0.metric"]);
    const saved = await api().put("/api/submissions", reporter, {
      ...base,
      values: [{ metric: "RECEIVED", value: 3 }],
    });
    expect(saved.statusCode).toBe(201);

    const [audit] = (await versionAudits()) as {
      before: { validFrom: null };
      after: { validFrom: string };
    }[];
    expect([audit?.before.validFrom, audit?.after.validFrom]).toEqual([null, THIS_MONTH]);
  });

  it("refuses a change starting where a report already stands on the current version", async () => {
    const res = await api().put("/api/forms/CDS_XA/metrics", admin, change);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: "body.validFrom" });
    expect((await versionAudits()).length).toBe(1);
  });
});
