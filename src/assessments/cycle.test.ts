import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, seedTinyTree, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { criterionMax, SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { type Cast, newAssessmentBody, seedAppraisers, signInCast, valuesFor } from "./test-fixtures.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let who: Cast;
const A = "/api/assessments/DTI-T";
const byVerifier = (name: string) =>
  SAMPLE_FRAMEWORK.criteria.filter((c) => c.verifyingUnit === name).map((c) => c.code);
const ttttCriteria = byVerifier("Sở Thông tin và Truyền thông");
const nvCriteria = [...byVerifier("Sở Nội vụ"), "6.1"];

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedAppraisers(t);
  who = await signInCast(t);
  expect((await api.post("/api/index-frameworks", who.admin, SAMPLE_FRAMEWORK)).statusCode).toBe(201);
});
afterAll(() => t.close());

const selfValue = async (unit: string, criterion: string) => {
  const rows = await queryRows<{ v: unknown }>(
    t.database.db,
    sql`select v.self_value as v from assessment_values v join units u on u.id = v.unit_id
        where u.code = ${unit} and v.criterion_code = ${criterion}`,
  );
  return rows[0]?.v ?? null;
};
const put = (unit: string, values: object[], headers = who.d1Reporter) =>
  api.put(`${A}/units/${unit}/values`, headers, { values });
const appraise = (unit: string, items: object[], headers: Cast["admin"]) =>
  api.put(`${A}/units/${unit}/appraisal`, headers, { items });
const confirmAll = (unit: string, codes: string[], headers: Cast["admin"]) =>
  appraise(
    unit,
    codes.map((criterion) => ({ criterion, action: "confirm" })),
    headers,
  );
const groupOf: Record<string, string> = { D1: "HUYEN", D2: "HUYEN", S1: "SO_DVC" };
const applies = (unit: string) => (code: string) => {
  const criterion = SAMPLE_FRAMEWORK.criteria.find((c) => c.code === code);
  return criterion !== undefined && criterionMax(criterion, groupOf[unit] ?? "") !== null;
};

describe("the index cycle through the API, step by step, with each role", () => {
  it("lets only an admin open an assessment, resolving verifying units by name or mapping", async () => {
    expect(
      (await api.post("/api/assessments", who.d1Reporter, newAssessmentBody("DTI-T"))).json().error.code,
    ).toBe("FORBIDDEN");
    const res = await api.post("/api/assessments", who.admin, newAssessmentBody("DTI-T"));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "open",
      year: 2023,
      units: [{ code: "D1", group: "HUYEN", status: "draft" }, {}, {}],
    });
    expect(res.json().verifiers).toMatchObject({ "1.1": "STTTT", "4.1": "SNV", "6.1": "SNV" });
    expect(res.json().verifiers["5.3"]).toBeUndefined();
    expect((await api.post("/api/assessments", who.admin, newAssessmentBody("DTI-T"))).statusCode).toBe(409);
  });

  it("refuses values before the self-assessment starts (409)", async () => {
    const res = await put("D1", [{ criterion: "1.1", value: "KHONG" }]);
    expect([res.statusCode, res.json().error.code]).toEqual([409, "ASSESSMENT_STEP_CLOSED"]);
    const started = await api.post(`${A}/start`, who.admin);
    expect(started.json().status).toBe("self_assessment");
  });

  it("refuses a reporter of another unit (403) and values outside their scale (400), writing nothing", async () => {
    const foreign = await put("D1", [{ criterion: "1.1", value: "KHONG" }], who.d2Reporter);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, "OUT_OF_SCOPE"]);
    const bad = await put("D1", [
      { criterion: "1.1", value: "NGUOI_DUNG_DAU" },
      { criterion: "1.2", value: -1 },
      { criterion: "1.3", value: { a: 5, b: 4 } },
      { criterion: "9.9", value: true },
      { criterion: "6.1", value: 120 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.values.1.value",
      "body.values.2.value",
      "body.values.3.criterion",
      "body.values.4.value",
    ]);
    expect(await selfValue("D1", "1.1")).toBeNull();
  });

  it("refuses a save over an answer someone saved after the person opened it (409), writing nothing", async () => {
    const version = async () =>
      (await api.get(`${A}/units/D1/scorecard`, who.d1Reporter))
        .json()
        .criteria.find((c: { code: string }) => c.code === "1.2").self.version;
    const opened = await version();
    expect((await put("D1", [{ criterion: "1.2", value: 3, version: opened }])).statusCode).toBe(200);
    expect(await version()).toBe(opened + 1);
    // A colleague's screen, opened before that save, still holds the old version.
    const stale = await put("D1", [{ criterion: "1.2", value: 1, version: opened }], who.d1Reporter);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "STALE_ANSWER",
      details: [{ path: "body.values.0.version" }],
    });
    expect(await selfValue("D1", "1.2")).toBe(3);
    expect((await put("D1", [{ criterion: "1.2", value: 1, version: opened + 1 }])).statusCode).toBe(200);
    expect(await selfValue("D1", "1.2")).toBe(1);
  });

  it("saves the preparer's values; only the unit's approver submits, then the unit locks (423)", async () => {
    expect((await put("D1", valuesFor("HUYEN", 0.8))).json()).toEqual({ saved: 26 });
    expect((await api.post(`${A}/units/D1/submit`, who.d1Viewer)).statusCode).toBe(403);
    expect((await api.post(`${A}/units/D1/submit`, who.d1Reporter)).statusCode).toBe(403);
    const empty = await api.post(`${A}/units/D2/submit`, who.d2Approver);
    expect([empty.statusCode, empty.json().error.code]).toEqual([409, "ASSESSMENT_INCOMPLETE"]);
    expect(empty.json().error.details[0].path).toBe("criteria.1.1");
    expect((await api.post(`${A}/units/D1/submit`, who.d1Approver)).json()).toEqual({ status: "submitted" });
    const late = await put("D1", [{ criterion: "1.2", value: 0 }]);
    expect([late.statusCode, late.json().error.code]).toEqual([423, "SELF_ASSESSMENT_LOCKED"]);
    expect(await selfValue("D1", "1.2")).toBe(3);
  });

  it("lets an admin reopen a submitted unit with a reason, and the approver resubmit", async () => {
    expect((await api.post(`${A}/units/D1/reopen`, who.d1Approver, { reason: "Sửa" })).statusCode).toBe(403);
    expect(
      (await api.post(`${A}/units/D1/reopen`, who.admin, { reason: "Bổ sung minh chứng" })).json(),
    ).toEqual({ status: "draft" });
    expect((await put("D1", [{ criterion: "1.2", value: 4 }])).statusCode).toBe(200);
    expect((await api.post(`${A}/units/D1/submit`, who.d1Approver)).statusCode).toBe(200);
  });

  it("closes the self-assessment only when every unit has submitted", async () => {
    const early = await api.post(`${A}/close-self-assessment`, who.admin);
    expect([early.statusCode, early.json().error.details.map((d: { path: string }) => d.path)]).toEqual([
      409,
      ["units.D2", "units.S1"],
    ]);
    await put("D2", valuesFor("HUYEN", 0.5), who.d2Reporter);
    await put("S1", valuesFor("SO_DVC", 0.8), who.s1Reporter);
    expect((await api.post(`${A}/units/D2/submit`, who.d2Approver)).statusCode).toBe(200);
    expect((await api.post(`${A}/units/S1/submit`, who.s1Approver)).statusCode).toBe(200);
    expect((await api.post(`${A}/close-self-assessment`, who.d1Reporter)).statusCode).toBe(403);
    expect((await api.post(`${A}/close-self-assessment`, who.admin)).json().status).toBe("appraisal");
  });

  it("shows each appraiser only its criteria and refuses the others (403)", async () => {
    const list = await api.get(`${A}/appraisal`, who.ttttAppraiser);
    expect(list.json().criteria.sort()).toEqual([...ttttCriteria].sort());
    expect(list.json().units[0].criteria.map((c: { code: string }) => c.code)).toEqual(
      ttttCriteria.filter(applies("D1")),
    );
    const foreign = await confirmAll("D1", ["4.1"], who.ttttAppraiser);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, "CRITERION_NOT_ASSIGNED"]);
    expect((await confirmAll("D1", ["1.1"], who.d1Reporter)).json().error.code).toBe("FORBIDDEN");
    expect((await api.get(`${A}/appraisal`, who.d1Reporter)).statusCode).toBe(403);
  });

  it("refuses an adjustment without a reason (400) and keeps nothing of the batch", async () => {
    const res = await appraise(
      "D1",
      [
        { criterion: "1.1", action: "confirm" },
        { criterion: "1.2", action: "adjust", value: 2 },
      ],
      who.ttttAppraiser,
    );
    expect([res.statusCode, res.json().error.details[0].path]).toEqual([400, "body.items.1.reason"]);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from assessment_values where appraisal_action is not null`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("closes the appraisal only when every criterion of every unit is confirmed or adjusted", async () => {
    for (const unit of ["D1", "D2", "S1"]) {
      const mine = ttttCriteria.filter(applies(unit)).filter((c) => !(unit === "D1" && c === "1.2"));
      expect((await confirmAll(unit, mine, who.ttttAppraiser)).statusCode).toBe(200);
      expect((await confirmAll(unit, nvCriteria.filter(applies(unit)), who.nvAppraiser)).statusCode).toBe(
        200,
      );
    }
    const adjusted = await appraise(
      "D1",
      [{ criterion: "1.2", action: "adjust", value: 2, reason: "Chỉ có 02 thông báo kết luận" }],
      who.ttttAppraiser,
    );
    expect(adjusted.statusCode).toBe(200);
    const early = await api.post(`${A}/close-appraisal`, who.admin);
    expect([early.statusCode, early.json().error.code]).toEqual([409, "ASSESSMENT_INCOMPLETE"]);
    for (const unit of ["D1", "D2", "S1"]) {
      const rest = SAMPLE_FRAMEWORK.criteria
        .map((c) => c.code)
        .filter(applies(unit))
        .filter((c) => !ttttCriteria.includes(c) && !nvCriteria.includes(c));
      expect((await confirmAll(unit, rest, who.admin)).statusCode).toBe(200);
    }
    expect((await api.post(`${A}/close-appraisal`, who.admin)).json().status).toBe("council");
    expect((await confirmAll("D1", ["1.1"], who.ttttAppraiser)).json().error.code).toBe(
      "ASSESSMENT_STEP_CLOSED",
    );
  });

  it("keeps the results from other units' users until publication", async () => {
    const res = await api.get(`${A}/ranking`, who.d1Viewer);
    expect([res.statusCode, res.json().error.code]).toEqual([403, "RESULTS_NOT_PUBLISHED"]);
    expect((await api.get(`${A}/units/D2/scorecard`, who.d1Viewer)).statusCode).toBe(403);
    const own = await api.get(`${A}/units/D1/scorecard`, who.d1Viewer);
    expect([own.statusCode, own.json().rank]).toEqual([200, null]);
  });

  it("lets the council adjust with a reason, finalise, and the admin publish under the decision", async () => {
    const noReason = await api.put(`${A}/units/D2/council`, who.admin, {
      items: [{ criterion: "2.1", value: false, reason: " " }],
    });
    expect([noReason.statusCode, noReason.json().error.details[0].path]).toEqual([
      400,
      "body.items.0.reason",
    ]);
    const adjusted = await api.put(`${A}/units/D2/council`, who.admin, {
      items: [{ criterion: "2.1", value: false, reason: "Kế hoạch ban hành năm sau" }],
    });
    expect(adjusted.statusCode).toBe(200);
    const publication = {
      decisionNumber: "1019/QĐ-UBND-HC",
      decisionDate: "2023-09-30",
      announcedOn: "2023-10-10",
    };
    expect((await api.post(`${A}/publish`, who.d1Approver, publication)).statusCode).toBe(403);
    expect((await api.post(`${A}/publish`, who.admin, publication)).json().error.code).toBe(
      "ASSESSMENT_INCOMPLETE",
    );
    expect((await api.post(`${A}/finalise`, who.admin)).json().finalisedAt).not.toBeNull();
    const locked = await api.put(`${A}/units/D2/council`, who.admin, {
      items: [{ criterion: "2.1", value: true, reason: "x" }],
    });
    expect(locked.json().error.code).toBe("ASSESSMENT_STEP_CLOSED");
    const bad = await api.post(`${A}/publish`, who.admin, { ...publication, announcedOn: "2023-09-01" });
    expect(bad.json().error.details[0].path).toBe("body.announcedOn");
    const published = await api.post(`${A}/publish`, who.admin, publication);
    expect(published.json()).toMatchObject({
      status: "published",
      decision: { number: "1019/QĐ-UBND-HC", date: "2023-09-30", announcedOn: "2023-10-10" },
    });
  });

  it("then shows the ranking to any signed-in user, appraised beside self-assessed", async () => {
    const res = await api.get(`${A}/ranking`, who.d2Reporter);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups;
    expect(groups.map((g: { code: string }) => g.code)).toEqual(["SO_DVC", "HUYEN"]);
    const d1 = groups[1].rows.find((r: { unit: string }) => r.unit === "D1");
    expect(d1.difference).toBe(-10);
    const d2 = groups[1].rows.find((r: { unit: string }) => r.unit === "D2");
    expect(d2.total - d2.selfTotal).toBe(-30);
    const card = (await api.get(`${A}/units/D1/scorecard`, who.d2Reporter)).json();
    expect(card.criteria.find((c: { code: string }) => c.code === "1.2")).toMatchObject({
      self: { value: 4, points: 20 },
      appraisal: { action: "adjust", value: 2, reason: "Chỉ có 02 thông báo kết luận" },
      appraised: { value: 2, points: 10 },
      difference: -10,
    });
  });

  it("lets an admin take a published assessment back to the council, with a reason, and audits every step", async () => {
    expect((await api.post(`${A}/reopen`, who.admin, { to: "council" })).statusCode).toBe(400);
    const back = await api.post(`${A}/reopen`, who.admin, { to: "council", reason: "Sai số quyết định" });
    expect(back.json()).toMatchObject({ status: "council", decision: null });
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where object_type = 'assessment' and object_id = 'DTI-T' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "create",
      "start",
      "close_self_assessment",
      "close_appraisal",
      "finalise",
      "publish",
      "reopen",
    ]);
  });
});
