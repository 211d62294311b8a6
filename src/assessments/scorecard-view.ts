import { compareSelfAndAppraised, type ScoringMethod } from "../domain/index-scoring/index.ts";
import type { EvidenceView } from "./evidence.ts";
import { type AssessmentHeader, assessmentHeader } from "./ranking-view.ts";
import type { Results, UnitResult } from "./results.ts";
import type { LoadedAssessment, StoredValue } from "./types.ts";
import { appraisedValue, finalValue } from "./values.ts";

export interface ScorecardCriterion {
  code: string;
  pillar: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  method: ScoringMethod;
  methodNoteVi: string | null;
  evidenceRequired: string;
  dataSource: string;
  verifyingUnit: string;
  metricExpression: string | null;
  self: {
    value: StoredValue;
    points: number;
    status: string;
    note: string | null;
    source: string;
    version: number;
  };
  appraisal: { action: "confirm" | "adjust"; value: StoredValue; reason: string | null } | null;
  council: { value: StoredValue; reason: string | null } | null;
  /** The value and points that count, after appraisal and the council. */
  appraised: { value: StoredValue; points: number; status: string };
  difference: number;
  evidence: EvidenceView[];
}

export interface Side {
  self: number;
  appraised: number;
  difference: number;
}

/** Phiếu kết quả: one unit's criteria, self-assessed beside appraised, with their evidence. */
export interface ScorecardView {
  assessment: AssessmentHeader;
  unit: {
    code: string;
    nameVi: string;
    nameEn: string | null;
    group: string;
    groupNameVi: string;
    groupNameEn: string;
    status: string;
    submittedAt: string | null;
  };
  /** The unit's rank in its group, when the viewer may see the ranking. */
  rank: number | null;
  total: Side & { maxPoints: number };
  index: Side;
  pillars: (Side & { code: string; nameVi: string; nameEn: string; maxPoints: number })[];
  criteria: ScorecardCriterion[];
  /** True when only the criteria the viewer appraises are shown. */
  partial: boolean;
}

export interface ScorecardOptions {
  evidence: Map<string, EvidenceView[]>;
  rank: number | null;
  /** Show only these criteria (an appraiser's own); all when undefined. */
  only?: Set<string>;
}

export function scorecardView(
  loaded: LoadedAssessment,
  results: Results,
  result: UnitResult,
  options: ScorecardOptions,
): ScorecardView {
  const fw = loaded.framework;
  const sides = compareSelfAndAppraised(result.self, result.appraised);
  const rows = new Map(result.rows.map((r) => [r.criterionCode, r]));
  const group = fw.groups.find((g) => g.code === result.unit.groupCode);
  const criteria = sides.criteria
    .filter((c) => options.only === undefined || options.only.has(c.code))
    .map((c): ScorecardCriterion => {
      const def = fw.criteria.find((d) => d.code === c.code);
      const row = rows.get(c.code);
      return {
        code: c.code,
        pillar: c.pillar,
        nameVi: def?.nameVi ?? c.code,
        nameEn: def?.nameEn ?? c.code,
        maxPoints: c.maxPoints,
        method: def?.method ?? { kind: "manual" },
        methodNoteVi: def?.methodNoteVi ?? null,
        evidenceRequired: def?.evidenceRequired ?? "",
        dataSource: def?.dataSource ?? "",
        verifyingUnit: def?.verifyingUnit ?? "",
        metricExpression: def?.metricExpression ?? null,
        self: {
          value: (row?.selfValue ?? null) as StoredValue,
          points: c.self,
          status: c.selfStatus,
          note: row?.selfNote ?? null,
          source: row?.selfSource ?? "manual",
          version: row?.selfVersion ?? 0,
        },
        appraisal: row?.appraisalAction
          ? { action: row.appraisalAction, value: appraisedValue(row), reason: row.appraisalReason }
          : null,
        council:
          row && row.councilValue !== null
            ? { value: row.councilValue as StoredValue, reason: row.councilReason }
            : null,
        appraised: { value: row ? finalValue(row) : null, points: c.appraised, status: c.appraisedStatus },
        difference: c.difference,
        evidence: options.evidence.get(`${result.unit.unitId}/${c.code}`) ?? [],
      };
    });
  return {
    assessment: assessmentHeader(loaded, results.previous),
    unit: {
      code: result.unit.code,
      nameVi: result.unit.nameVi,
      nameEn: result.unit.nameEn,
      group: result.unit.groupCode,
      groupNameVi: group?.nameVi ?? result.unit.groupCode,
      groupNameEn: group?.nameEn ?? result.unit.groupCode,
      status: result.unit.status,
      submittedAt: result.unit.submittedAt?.toISOString() ?? null,
    },
    rank: options.rank,
    total: { ...sides.total, maxPoints: result.appraised.maxPoints },
    index: sides.index,
    pillars: sides.pillars.map((p) => {
      const def = fw.pillars.find((d) => d.code === p.code);
      return { ...p, nameVi: def?.nameVi ?? p.code, nameEn: def?.nameEn ?? p.code };
    }),
    criteria,
    partial: options.only !== undefined,
  };
}
