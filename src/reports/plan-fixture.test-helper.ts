import type { TestApp } from "../../test/harness.ts";
import { approvedReport, milestoneIndicator, rateIndicator, seedTinyPlan } from "../plans/test-fixtures.ts";

/** The summary sentence of pillar A that seedReportPlan's data gives for 202309. */
export const tinySummary =
  "Hoàn thành 0/3 chỉ tiêu theo Kế hoạch CĐS năm 2023; 01 chỉ tiêu có khả năng hoàn thành " +
  "(“Tỷ lệ hồ sơ giải quyết đạt 80%”); 02 chỉ tiêu chưa có số liệu " +
  "(“Đưa vào vận hành hệ thống thử” và “Tỷ lệ hồ sơ của xã Hai Một”).";

/**
 * The tiny tree's plan KH-T with approved reports for 08 and 09/2023: a rate indicator on
 * track, a milestone and a division by zero without data, and one key figure with its share.
 */
export async function seedReportPlan(t: TestApp): Promise<{ admin: { cookie: string } }> {
  const { admin } = await seedTinyPlan(t);
  const db = t.database.db;
  await approvedReport(db, "C11", "202308", { DONE: 6, TOTAL: 10 });
  await approvedReport(db, "C12", "202308", { DONE: 6, TOTAL: 10 });
  await approvedReport(db, "C11", "202309", { DONE: 8, TOTAL: 10 }, { difficulties: "Thiếu máy tính." });
  await approvedReport(db, "C12", "202309", { DONE: 7, TOTAL: 10 }, { difficulties: "Thiếu máy tính." });
  await approvedReport(db, "C21", "202309", { DONE: 0, TOTAL: 0 });
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, payload, headers: admin });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  };
  await post("/api/plans/KH-T/indicators", rateIndicator);
  await post("/api/plans/KH-T/indicators", milestoneIndicator);
  await post("/api/plans/KH-T/indicators", {
    ...rateIndicator,
    code: "Z-01",
    nameVi: "Tỷ lệ hồ sơ của xã Hai Một",
    formula: "#{DONE} / (#{TOTAL} - #{TOTAL}) * 100",
  });
  await post("/api/plans/KH-T/pillars/A/figures", { code: "DONE", shareOf: "TOTAL" });
  return { admin };
}
