import type {
  assessmentEvidence,
  assessments,
  assessmentUnits,
  assessmentValues,
} from "../db/schema/index.ts";
import type { CriterionValue, Framework } from "../domain/index-scoring/index.ts";

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentStatus = AssessmentRow["status"];
export type AssessmentUnitRow = typeof assessmentUnits.$inferSelect;
export type ValueRow = typeof assessmentValues.$inferSelect;
export type EvidenceRow = typeof assessmentEvidence.$inferSelect;

/** The order of the steps: a step may only move forward, or back when an admin reopens. */
export const STEPS: readonly AssessmentStatus[] = [
  "open",
  "self_assessment",
  "appraisal",
  "council",
  "published",
];

/** An assessment with the framework it scores on, as every service step needs them. */
export interface LoadedAssessment {
  row: AssessmentRow;
  framework: Framework;
  /** The framework's lineage, to find last year's assessment. */
  lineage: string;
  /** The date whose unit tree decides scopes: the last day of the assessed year. */
  asOf: string;
}

/** A participating unit with its code and names. */
export interface AssessedUnit {
  unitId: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  groupCode: string;
  status: AssessmentUnitRow["status"];
  submittedAt: Date | null;
}

/** Values as stored in jsonb: any criterion value. */
export type StoredValue = CriterionValue | null;
