import ExcelJS from "exceljs";
import { type Headers, signIn, type TestApp, testActor } from "../../test/harness.ts";
import type { Db } from "../db/client.ts";
import {
  type Criterion,
  type CriterionValue,
  criterionMax,
  SAMPLE_FRAMEWORK,
} from "../domain/index-scoring/index.ts";
import { createUnits } from "../units/service.ts";
import { appraise } from "./appraisal.ts";
import { createAssessment } from "./assessments.ts";
import { saveSelfValues, submitUnit } from "./self.ts";
import { closeAppraisal, closeSelfAssessment, finalise, publish, startSelfAssessment } from "./steps.ts";

/**
 * Two appraising departments beside the tiny tree (P > D1, D2; S1): Sở TT&TT and Sở Nội vụ,
 * named as SAMPLE_FRAMEWORK's criteria name their verifying units.
 */
export async function seedAppraisers(t: TestApp): Promise<void> {
  await createUnits(t.database.db, testActor, [
    {
      code: "STTTT",
      nameVi: "Sở Thông tin và Truyền thông",
      kind: "agency",
      type: "sở/ngành",
      parentCode: "P",
      validFrom: "2020-01-01",
    },
    {
      code: "SNV",
      nameVi: "Sở Nội vụ",
      kind: "agency",
      type: "sở/ngành",
      parentCode: "P",
      validFrom: "2020-01-01",
    },
  ]);
}

/**
 * A value for every criterion of the group that its rule accepts; `level` 0–1 moves each
 * value from the worst to the best answer, so units can be made to differ.
 */
export function valuesFor(
  group: string,
  level: number,
  criteria: readonly Criterion[] = SAMPLE_FRAMEWORK.criteria,
) {
  return criteria
    .filter((c) => criterionMax(c, group) !== null)
    .map((c) => ({ criterion: c.code, value: valueAt(c, level) }));
}

function valueAt(c: Criterion, level: number): CriterionValue {
  const m = c.method;
  switch (m.kind) {
    case "yes_no":
      return level >= 0.5;
    case "tiers":
      return (
        m.options[Math.min(m.options.length - 1, Math.round((1 - level) * (m.options.length - 1)))]?.code ??
        ""
      );
    case "ratio":
      return { a: Math.round(level * 20), b: 20 };
    case "count_thresholds":
      return Math.round(level * (m.thresholds[0]?.atLeast ?? 1));
    case "numeric_thresholds": {
      const best = m.thresholds[0]?.limit ?? 0;
      return m.direction === "at_least"
        ? Math.round(level * best * 100) / 100
        : Math.round((2 - level) * best);
    }
    case "manual":
      return Math.round(level * (typeof c.maxPoints === "number" ? c.maxPoints : 0));
  }
}

export interface Cast {
  admin: Headers;
  /** Reporter and approver of D1, reporter of D2, viewer of D1. */
  d1Reporter: Headers;
  d1Approver: Headers;
  d2Reporter: Headers;
  d2Approver: Headers;
  s1Reporter: Headers;
  s1Approver: Headers;
  d1Viewer: Headers;
  /** Appraisers of Sở TT&TT and Sở Nội vụ. */
  ttttAppraiser: Headers;
  nvAppraiser: Headers;
}

export async function signInCast(t: TestApp): Promise<Cast> {
  return {
    admin: await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]),
    d1Reporter: await signIn(t, "d1.baocao", [{ role: "reporter", unitCode: "D1" }]),
    d1Approver: await signIn(t, "d1.duyet", [{ role: "approver", unitCode: "D1" }]),
    d2Reporter: await signIn(t, "d2.baocao", [{ role: "reporter", unitCode: "D2" }]),
    d2Approver: await signIn(t, "d2.duyet", [{ role: "approver", unitCode: "D2" }]),
    s1Reporter: await signIn(t, "s1.baocao", [{ role: "reporter", unitCode: "S1" }]),
    s1Approver: await signIn(t, "s1.duyet", [{ role: "approver", unitCode: "S1" }]),
    d1Viewer: await signIn(t, "d1.xem", [{ role: "viewer", unitCode: "D1" }]),
    ttttAppraiser: await signIn(t, "tttt.thamdinh", [{ role: "appraiser", unitCode: "STTTT" }]),
    nvAppraiser: await signIn(t, "nv.thamdinh", [{ role: "appraiser", unitCode: "SNV" }]),
  };
}

/** The assessment of D1, D2 (districts) and S1 (a department with public services). */
export const newAssessmentBody = (code: string, framework = SAMPLE_FRAMEWORK.code) => ({
  code,
  framework,
  selfAssessmentDue: "2024-01-31",
  appraisalDue: "2024-03-31",
  units: [
    { unit: "D1", group: "HUYEN" },
    { unit: "D2", group: "HUYEN" },
    { unit: "S1", group: "SO_DVC" },
  ],
  // 6.1 is verified by the Office of the People's Committee; here Sở Nội vụ stands in.
  verifiers: { "6.1": "SNV" },
});

/** A unit of a scripted cycle: its group and its self-assessed values. */
export interface ScriptedUnit {
  unit: string;
  group: string;
  values: { criterion: string; value: CriterionValue }[];
}

/**
 * Runs a whole cycle through the services on the system's authority: open, self-assess
 * (values saved in the given order, `batch` at a time), submit, confirm everything, finalise
 * and publish. For tests that need results, not the steps.
 */
export async function runCycle(db: Db, code: string, framework: string, units: ScriptedUnit[], batch = 100) {
  await createAssessment(db, testActor, null, {
    code,
    framework,
    selfAssessmentDue: "2024-01-31",
    appraisalDue: "2024-03-31",
    units: units.map((u) => ({ unit: u.unit, group: u.group })),
  });
  await startSelfAssessment(db, testActor, null, code);
  for (const u of units) {
    for (let i = 0; i < u.values.length; i += batch) {
      await saveSelfValues(db, testActor, null, code, u.unit, u.values.slice(i, i + batch));
    }
    await submitUnit(db, testActor, null, code, u.unit);
  }
  await closeSelfAssessment(db, testActor, null, code);
  for (const u of units) {
    const items = u.values.map((v) => ({ criterion: v.criterion, action: "confirm" as const }));
    await appraise(db, testActor, null, code, u.unit, items);
  }
  await closeAppraisal(db, testActor, null, code);
  await finalise(db, testActor, null, code);
  await publish(db, testActor, null, code, {
    decisionNumber: "1/QĐ-UBND",
    decisionDate: "2024-09-30",
    announcedOn: "2024-10-10",
  });
}

/** Reads a workbook back, as a user's Excel would open it. */
export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}
