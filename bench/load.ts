/** Loads the synthetic dataset through chiso's own services: metadata one by one, values in bulk. */
import { sql } from "drizzle-orm";
import { systemActor } from "../src/audit/audit.ts";
import type { Database } from "../src/db/client.ts";
import { createForm } from "../src/forms/service.ts";
import { createMetrics } from "../src/metrics/service.ts";
import { createIndicator } from "../src/plans/indicators.ts";
import { addPillar, createPlan } from "../src/plans/service.ts";
import { bulkLoadReports } from "../src/scale/bulk.ts";
import { createUnits } from "../src/units/service.ts";
import {
  buildMetrics,
  buildTree,
  FORM,
  loadMoment,
  PLAN,
  periodReports,
  periods,
  ratios,
  type Scale,
  storedCodes,
  type Tree,
} from "./dataset.ts";

export const actor = systemActor("bench");

export interface LoadStats {
  units: number;
  reports: number;
  values: number;
  /** Seconds spent in the bulk value loads alone. */
  valueSeconds: number;
  seconds: number;
}

/** The report held back as submitted, so the freshness check can approve it. */
export function heldBack(tree: Tree): { unit: string; period: string } {
  return { unit: tree.communes[0] ?? "", period: periods.at(-1) ?? "" };
}

async function loadMetadata(database: Database, tree: Tree): Promise<void> {
  const db = database.db;
  await createUnits(db, actor, tree.units);
  const metrics = buildMetrics();
  await createMetrics(db, actor, metrics);
  await createForm(db, actor, {
    code: FORM,
    nameVi: "Báo cáo chuyển đổi số hằng tháng (thử tải)",
    nameEn: "Monthly digital transformation report (benchmark)",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: storedCodes(metrics).map((code) => ({ code, required: code === "S01" })),
    unitCodes: tree.reporting,
    rules: [
      {
        code: "S02_LE_S01",
        expression: "#{S02} <= #{S01}",
        severity: "error",
        messageVi: "Số đã giải quyết không vượt tổng số",
        messageEn: "Done cannot exceed the total",
      },
    ],
  });
  await loadPlan(database, tree);
}

/** A small plan of the first province for 2025: one pillar, one percent indicator per ratio. */
async function loadPlan(database: Database, tree: Tree): Promise<void> {
  const ctx = { actor, principal: null };
  const province = tree.provinces[0] ?? "";
  await createPlan(database.db, ctx, {
    code: PLAN,
    nameVi: "Kế hoạch chuyển đổi số năm 2025 (thử tải)",
    year: 2025,
    status: "active",
    issuingBodyVi: "Ủy ban nhân dân tỉnh",
    reportingUnitCode: `${province}S01`,
    scopeUnitCode: province,
  });
  await addPillar(database.db, ctx, PLAN, {
    code: "A",
    nameVi: "Chính quyền số",
    nameEn: "Digital government",
  });
  for (const [code, num, den] of ratios) {
    await createIndicator(database.db, ctx, PLAN, {
      code: `CT-${code}`,
      pillar: "A",
      nameVi: `Tỷ lệ ${num}/${den} đạt 70%`,
      kind: "percent",
      target: 70,
      baseline: 40,
      baselineDate: "2024-12-31",
      deadline: "2025-12-31",
      source: "formula",
      formula: `#{${num}} / #{${den}} * 100`,
      responsibleUnits: [`${province}S01`],
    });
  }
}

/** Loads everything; each period's reports go in one all-or-nothing bulk load. */
export async function loadDataset(
  database: Database,
  scale: Scale,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<LoadStats> {
  const started = performance.now();
  const tree = buildTree(scale);
  await loadMetadata(database, tree);
  log(`metadata: ${tree.units.length} units, 40 metrics, form ${FORM}, plan ${PLAN}`);
  const held = heldBack(tree);
  const stats: LoadStats = { units: tree.units.length, reports: 0, values: 0, valueSeconds: 0, seconds: 0 };
  for (const [i, period] of periods.entries()) {
    const all = periodReports(tree, seed, i);
    const isHeld = (r: { unit: string }) => period === held.period && r.unit === held.unit;
    const t0 = performance.now();
    const approved = await bulkLoadReports(
      database,
      actor,
      FORM,
      all.filter((r) => !isHeld(r)),
      { status: "approved", now: loadMoment },
    );
    const waiting = all.filter(isHeld);
    const submitted = waiting.length
      ? await bulkLoadReports(database, actor, FORM, waiting, { status: "submitted", now: loadMoment })
      : { reports: 0, values: 0 };
    stats.valueSeconds += (performance.now() - t0) / 1000;
    stats.reports += approved.reports + submitted.reports;
    stats.values += approved.values + submitted.values;
    if (i % 12 === 11) log(`  ${period}: ${stats.values.toLocaleString("en")} values`);
  }
  // Fresh planner statistics, as autovacuum would gather them a while after a bulk load.
  await database.db.execute(sql`analyze`);
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}
