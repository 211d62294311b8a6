import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, seedTinyTree, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { createForm } from "../forms/service.ts";
import { createMetrics } from "../metrics/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, submit } from "../submissions/workflow.ts";
import { type Cast, newAssessmentBody, seedAppraisers, signInCast, valuesFor } from "./test-fixtures.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let who: Cast;
const A = "/api/assessments/DTI-R";

const count = (code: string, nameVi: string, aggregation: "sum" | "last") => ({
  code,
  nameVi,
  valueType: "integer" as const,
  aggregation,
  minValue: 0,
});

/** Three months of 2023 for D1: 4 meetings, 13 news items, a plan, 48 of 50 computers, 90 of 120 files online. */
const months = {
  "202301": {
    CDS_SO_CUOC_HOP: 1,
    CDS_TIN_BAI: 5,
    CDS_KH_NAM: 1,
    MAY_TINH_CBCCVC: 45,
    TONG_CBCCVC: 50,
    HS_TRUC_TUYEN: 30,
    HS_TIEP_NHAN: 40,
  },
  "202302": {
    CDS_SO_CUOC_HOP: 1,
    CDS_TIN_BAI: 4,
    CDS_KH_NAM: 1,
    MAY_TINH_CBCCVC: 46,
    TONG_CBCCVC: 50,
    HS_TRUC_TUYEN: 30,
    HS_TIEP_NHAN: 40,
  },
  "202303": {
    CDS_SO_CUOC_HOP: 2,
    CDS_TIN_BAI: 4,
    CDS_KH_NAM: 1,
    MAY_TINH_CBCCVC: 48,
    TONG_CBCCVC: 50,
    HS_TRUC_TUYEN: 30,
    HS_TIEP_NHAN: 40,
  },
};

async function seedReports(): Promise<void> {
  const db = t.database.db;
  await createMetrics(db, testActor, [
    count("CDS_SO_CUOC_HOP", "Số cuộc họp Ban chỉ đạo", "sum"),
    count("CDS_TIN_BAI", "Số tin, bài tuyên truyền", "sum"),
    { ...count("CDS_KH_NAM", "Đã ban hành kế hoạch năm", "last"), valueType: "boolean", minValue: null },
    count("MAY_TINH_CBCCVC", "Số CBCCVC có máy tính", "last"),
    count("TONG_CBCCVC", "Tổng số CBCCVC", "last"),
    count("HS_TRUC_TUYEN", "Hồ sơ tiếp nhận trực tuyến", "sum"),
    count("HS_TIEP_NHAN", "Hồ sơ tiếp nhận", "sum"),
  ]);
  await createForm(db, testActor, {
    code: "CDS_HUYEN",
    nameVi: "Báo cáo chuyển đổi số cấp huyện",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    lockAfterDays: null,
    metrics: Object.keys(months["202301"]).map((code) => ({ code, required: false })),
    unitCodes: ["D1", "D2"],
    openFrom: "202301",
    rules: [],
  });
  for (const [period, values] of Object.entries(months)) {
    const now = new Date(`${period.slice(0, 4)}-${period.slice(4)}-28T10:00:00+07:00`);
    const later = new Date(now.getTime() + 10 * 86_400_000);
    const draft = await saveDraft(
      db,
      testActor,
      null,
      {
        form: "CDS_HUYEN",
        unit: "D1",
        period,
        values: Object.entries(values).map(([metric, value]) => ({ metric, value })),
      },
      { now: later },
    );
    const sent = await submit(db, testActor, null, draft.id, draft.version, { now: later });
    await approve(db, testActor, null, sent.id, sent.version, { now: later });
  }
}

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedAppraisers(t);
  who = await signInCast(t);
  await seedReports();
  await api.post("/api/index-frameworks", who.admin, SAMPLE_FRAMEWORK);
  await api.post("/api/assessments", who.admin, newAssessmentBody("DTI-R"));
  await api.post(`${A}/start`, who.admin);
});
afterAll(() => t.close());

describe("criteria filled from the approved monthly reports", () => {
  it("fills each criterion with a metric expression from the year's figures, and says which it could not", async () => {
    const res = await api.post(`${A}/units/D1/refresh`, who.d1Reporter);
    expect(res.statusCode).toBe(200);
    expect(res.json().filled).toEqual([
      { criterion: "1.2", value: 4 },
      { criterion: "1.4", value: 13 },
      { criterion: "2.1", value: true },
      { criterion: "3.2", value: 96 },
      { criterion: "6.1", value: 75 },
    ]);
    expect(res.json().skipped).toEqual([]);
    const card = (await api.get(`${A}/units/D1/scorecard`, who.d1Reporter)).json();
    expect(card.criteria.find((c: { code: string }) => c.code === "1.2").self).toMatchObject({
      value: 4,
      points: 20,
      source: "reports",
      note: "Lấy từ báo cáo định kỳ đã duyệt năm 2023",
    });
  });

  it("lists every criterion as skipped for a unit without approved reports, writing no value", async () => {
    const res = await api.post(`${A}/units/D2/refresh`, who.d2Reporter);
    expect(res.json().filled).toEqual([]);
    expect(res.json().skipped.map((s: { criterion: string }) => s.criterion)).toEqual([
      "1.2",
      "1.4",
      "2.1",
      "3.2",
      "6.1",
    ]);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from assessment_values v join units u on u.id = v.unit_id where u.code = 'D2'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("records the refresh and the figures it used in the audit log", async () => {
    const rows = await queryRows<{ after: { figures: Record<string, number> } }>(
      t.database.db,
      sql`select after from audit_log where action = 'refresh_from_reports' and object_id = 'DTI-R/D1'`,
    );
    expect(rows[0]?.after.figures).toMatchObject({
      CDS_SO_CUOC_HOP: 4,
      CDS_TIN_BAI: 13,
      MAY_TINH_CBCCVC: 48,
    });
  });

  it("is the unit's preparer's action, refused for another unit (403) and after submission (423)", async () => {
    expect((await api.post(`${A}/units/D1/refresh`, who.d2Reporter)).statusCode).toBe(403);
    expect((await api.post(`${A}/units/D1/refresh`, who.d1Viewer)).statusCode).toBe(403);
    const rest = valuesFor("HUYEN", 0.5).filter(
      (v) => !["1.2", "1.4", "2.1", "3.2", "6.1"].includes(v.criterion),
    );
    expect((await api.put(`${A}/units/D1/values`, who.d1Reporter, { values: rest })).statusCode).toBe(200);
    expect((await api.post(`${A}/units/D1/submit`, who.d1Approver)).statusCode).toBe(200);
    const late = await api.post(`${A}/units/D1/refresh`, who.d1Reporter);
    expect([late.statusCode, late.json().error.code]).toEqual([423, "SELF_ASSESSMENT_LOCKED"]);
  });
});
