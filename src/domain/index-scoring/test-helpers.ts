import type { Criterion, Framework, PointsByGroup, ScoringMethod } from "./types.ts";

/** Test helper: a criterion of pillar P1 in group A, worth `maxPoints`, scored by `method`. */
export function criterion(
  method: ScoringMethod,
  maxPoints: PointsByGroup = 20,
  extra: Partial<Criterion> = {},
): Criterion {
  return {
    code: "1.1",
    pillar: "P1",
    groups: ["A"],
    nameVi: "Tiêu chí thử",
    nameEn: "Test criterion",
    maxPoints,
    method,
    evidenceRequired: "",
    dataSource: "",
    verifyingUnit: "",
    ...extra,
  };
}

/**
 * Test helper: a valid framework. Group A (100 points): P1 = 1.1 yes_no 40 + 1.2 ratio 20,
 * P2 = 2.1 manual 40. Group B (60 points): P1 = 1.2 ratio 30, P2 = 2.1 manual 30; P3 is an
 * info-only pillar worth 0 in B, with 3.1 yes_no 0.
 */
export function smallFramework(): Framework {
  return {
    code: "T",
    year: 2023,
    nameVi: "Bộ thử",
    nameEn: "Test framework",
    groups: [
      { code: "A", nameVi: "Nhóm A", nameEn: "Group A", maxTotal: 100 },
      { code: "B", nameVi: "Nhóm B", nameEn: "Group B", maxTotal: 60 },
    ],
    pillars: [
      { code: "P1", nameVi: "Trụ 1", nameEn: "Pillar 1", maxPoints: { A: 60, B: 30 } },
      { code: "P2", nameVi: "Trụ 2", nameEn: "Pillar 2", maxPoints: { A: 40, B: 30 } },
      { code: "P3", nameVi: "Trụ 3", nameEn: "Pillar 3", maxPoints: { B: 0 } },
    ],
    criteria: [
      criterion({ kind: "yes_no" }, 40, { code: "1.1" }),
      criterion({ kind: "ratio" }, { A: 20, B: 30 }, { code: "1.2", groups: ["A", "B"] }),
      criterion({ kind: "manual" }, { A: 40, B: 30 }, { code: "2.1", pillar: "P2", groups: ["A", "B"] }),
      criterion({ kind: "yes_no" }, 0, { code: "3.1", pillar: "P3", groups: ["B"] }),
    ],
  };
}

/** Test helper: a framework with one part replaced, e.g. `patch({ criteria: [...] })`. */
export function patch(changes: Partial<Framework>): Framework {
  return { ...smallFramework(), ...changes };
}

/** Test helper: the criteria of smallFramework with criterion `i` replaced. */
export function withCriterion(i: number, changes: Partial<Criterion>): Framework {
  const base = smallFramework();
  const criteria = base.criteria.map((c, k) => (k === i ? { ...c, ...changes } : c));
  return { ...base, criteria };
}
