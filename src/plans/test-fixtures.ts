import { seedTinyTree, signIn, type TestApp, testActor } from "../../test/harness.ts";
import type { Db } from "../db/client.ts";
import { createForm } from "../forms/service.ts";
import { createMetrics } from "../metrics/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, submit } from "../submissions/workflow.ts";
import type { IndicatorInput, PlanInput } from "./schema.ts";

/** A plan of the tiny tree: province P, reported by the department S1. */
export const tinyPlan: PlanInput = {
  code: "KH-T",
  nameVi: "Kế hoạch thử năm 2023",
  year: 2023,
  status: "active",
  issuingBodyVi: "Ủy ban nhân dân tỉnh Thử",
  reportingUnitCode: "S1",
  scopeUnitCode: "P",
};

/** Answered and received files, reported by communes; a text metric that formulas refuse. */
export async function seedTinyReporting(db: Db): Promise<void> {
  await createMetrics(db, testActor, [
    {
      code: "DONE",
      nameVi: "Số hồ sơ đã giải quyết",
      valueType: "integer",
      aggregation: "last",
      minValue: 0,
    },
    { code: "TOTAL", nameVi: "Tổng số hồ sơ", valueType: "integer", aggregation: "last", minValue: 0 },
    { code: "REMARK", nameVi: "Ghi chú", valueType: "text", aggregation: "none" },
  ]);
  await createForm(db, testActor, {
    code: "TINY_MONTHLY",
    nameVi: "Báo cáo tháng thử",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    lockAfterDays: 30,
    openFrom: "202301",
    metrics: [
      { code: "DONE", required: true },
      { code: "TOTAL", required: true },
    ],
    unitCodes: ["C11", "C12", "C21"],
  });
}

/** An approved report of a commune, drafted and approved on the system's authority. */
export async function approvedReport(
  db: Db,
  unit: string,
  period: string,
  values: { DONE: number; TOTAL: number },
  narrative: Record<string, string> = {},
): Promise<void> {
  const now = new Date(`${period.slice(0, 4)}-${period.slice(4)}-28T00:00:00Z`);
  now.setUTCMonth(now.getUTCMonth() + 1, 2);
  const draft = await saveDraft(
    db,
    testActor,
    null,
    {
      form: "TINY_MONTHLY",
      unit,
      period,
      values: Object.entries(values).map(([metric, value]) => ({ metric, value })),
      narrative,
    },
    { now },
  );
  const submitted = await submit(db, testActor, null, draft.id, draft.version, { now });
  await approve(db, testActor, null, submitted.id, submitted.version, { now });
}

/** A percent indicator on the share of files done, for the province. */
export const rateIndicator: IndicatorInput = {
  code: "R-01",
  pillar: "A",
  nameVi: "Tỷ lệ hồ sơ giải quyết đạt 80%",
  kind: "percent",
  target: 80,
  baseline: 50,
  baselineDate: "2022-12-31",
  deadline: "2023-12-31",
  source: "formula",
  formula: "#{DONE} / #{TOTAL} * 100",
  responsibleUnits: ["S1"],
};

/** A milestone entered by progress updates, led by district D1. */
export const milestoneIndicator: IndicatorInput = {
  code: "M-01",
  pillar: "A",
  nameVi: "Đưa vào vận hành hệ thống thử",
  kind: "milestone",
  target: 1,
  baseline: 0,
  baselineDate: "2022-12-31",
  deadline: "2023-12-31",
  source: "progress",
  responsibleUnits: ["D1"],
};

export interface TinyPlanSetup {
  admin: { cookie: string };
}

/** The tiny tree, its reporting, the plan with pillar A, and an admin over P. */
export async function seedTinyPlan(t: TestApp): Promise<TinyPlanSetup> {
  await seedTinyTree(t.database);
  await seedTinyReporting(t.database.db);
  const admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, payload, headers: admin });
  const created = await post("/api/plans", tinyPlan);
  if (created.statusCode !== 201) throw new Error(created.body);
  await post("/api/plans/KH-T/pillars", { code: "A", nameVi: "Trụ cột A", nameEn: "Pillar A" });
  return { admin };
}
