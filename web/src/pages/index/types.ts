import type { ResponseOf } from "../../api/client.ts";

export type AssessmentList = ResponseOf<"GET /api/assessments">;
export type Assessment = ResponseOf<"GET /api/assessments/{code}">;
export type Ranking = ResponseOf<"GET /api/assessments/{code}/ranking">;
export type Scorecard = ResponseOf<"GET /api/assessments/{code}/units/{unit}/scorecard">;
export type Card = ResponseOf<"GET /api/assessments/{code}/appraisal">["units"][number];
export type Criterion = Card["criteria"][number];
export type Evidence = Criterion["evidence"][number];

/** A criterion's scoring rule as the framework states it (see src/domain/index-scoring). */
export type Method =
  | { kind: "yes_no" }
  | { kind: "tiers"; options: { code: string; labelVi: string; labelEn: string }[] }
  | { kind: "ratio" }
  | { kind: "count_thresholds" }
  | { kind: "numeric_thresholds"; scale?: { min?: number; max?: number } }
  | { kind: "manual" };

export const methodOf = (c: Criterion): Method => c.method as unknown as Method;
