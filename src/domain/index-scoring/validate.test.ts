import { describe, expect, it } from "vitest";
import { patch, smallFramework, withCriterion } from "./test-helpers.ts";
import type { Framework, ScoringMethod } from "./types.ts";
import { validateFramework } from "./validate.ts";

/** "CODE path" of every problem, in order. */
function found(def: Framework): string[] {
  return validateFramework(def).map((p) => `${p.code} ${p.path}`);
}

/** Problems of criterion 1.1 (40 points in group A) scored by `method`. */
function methodProblems(method: ScoringMethod): string[] {
  return found(withCriterion(0, { method }));
}

const option = (code: string, award: { points?: number; share?: number }) => ({
  code,
  labelVi: code,
  labelEn: code,
  ...award,
});

describe("validateFramework: structure", () => {
  it("accepts a valid framework, including an info-only pillar worth 0", () => {
    expect(validateFramework(smallFramework())).toEqual([]);
  });

  it("reports a blank framework code and an impossible year", () => {
    expect(found(patch({ code: " ", year: 2023.5 }))).toEqual(["BLANK_CODE code", "INVALID_YEAR year"]);
    expect(found(patch({ year: 1899 }))).toEqual(["INVALID_YEAR year"]);
  });

  it("reports empty lists", () => {
    expect(found(patch({ criteria: [] }))).toEqual([
      "EMPTY criteria",
      "CRITERIA_SUM_MISMATCH pillars.0.maxPoints.A",
      "CRITERIA_SUM_MISMATCH pillars.1.maxPoints.A",
      "CRITERIA_SUM_MISMATCH pillars.0.maxPoints.B",
      "CRITERIA_SUM_MISMATCH pillars.1.maxPoints.B",
    ]);
    expect(found(patch({ groups: [] }))).toContain("EMPTY groups");
    expect(found(patch({ pillars: [] }))).toContain("EMPTY pillars");
    expect(found(withCriterion(0, { groups: [] }))).toContain("EMPTY criteria.0.groups");
  });

  it("reports a duplicate group code at the second use, naming the first", () => {
    const def = smallFramework();
    const problems = validateFramework(
      patch({ groups: [...def.groups, { code: "A", nameVi: "A", nameEn: "A", maxTotal: 100 }] }),
    );
    const duplicate = problems.find((p) => p.code === "DUPLICATE_CODE");
    expect(duplicate).toEqual({
      path: "groups.2.code",
      code: "DUPLICATE_CODE",
      messageVi: "Mã 'A' bị trùng (đã dùng tại groups.0.code)",
      messageEn: "Code 'A' is a duplicate (already used at groups.0.code)",
    });
  });

  it("reports duplicate pillar and criterion codes", () => {
    const def = smallFramework();
    const pillars = [...def.pillars, { code: "P1", nameVi: "P", nameEn: "P", maxPoints: 0 }];
    expect(found(patch({ pillars }))).toEqual(["DUPLICATE_CODE pillars.3.code"]);
    expect(found(withCriterion(1, { code: "1.1" }))).toEqual(["DUPLICATE_CODE criteria.1.code"]);
    expect(found(withCriterion(1, { code: "" }))).toEqual(["BLANK_CODE criteria.1.code"]);
  });

  it("reports a group total that is not a positive number of points", () => {
    const def = smallFramework();
    const groups = def.groups.map((g, i) => (i === 1 ? { ...g, maxTotal: 0 } : g));
    expect(found(patch({ groups }))).toEqual(["INVALID_POINTS groups.1.maxTotal"]);
  });

  it("reports pillars that do not add up to the group's total, with both sums", () => {
    const def = smallFramework();
    const groups = def.groups.map((g, i) => (i === 0 ? { ...g, maxTotal: 110 } : g));
    const problems = validateFramework(patch({ groups }));
    expect(problems).toEqual([
      {
        path: "groups.0.maxTotal",
        code: "PILLARS_SUM_MISMATCH",
        messageVi: "Tổng điểm các chỉ số chính của nhóm 'A' là 100, khác tổng điểm tối đa 110",
        messageEn: "The pillars of group 'A' add up to 100, not the maximum total 110",
      },
    ]);
  });

  it("reports criteria that do not add up to their pillar, at the pillar's points for that group", () => {
    const problems = validateFramework(withCriterion(0, { maxPoints: 35 }));
    expect(problems.map((p) => `${p.code} ${p.path} ${p.messageEn}`)).toEqual([
      "CRITERIA_SUM_MISMATCH pillars.0.maxPoints.A The criteria for group 'A' add up to 55, not the pillar's 60",
    ]);
  });

  it("points at the single number when a pillar has the same points in every group", () => {
    const def = smallFramework();
    const pillars = def.pillars.map((p, i) => (i === 1 ? { ...p, maxPoints: 40 } : p));
    const groups = def.groups.map((g, i) => (i === 1 ? { ...g, maxTotal: 70 } : g));
    expect(found(patch({ pillars, groups }))).toEqual(["CRITERIA_SUM_MISMATCH pillars.1.maxPoints"]);
  });

  it("reports a pillar worth points in a group but with no criteria there", () => {
    const def = smallFramework();
    const pillars = def.pillars.map((p, i) => (i === 2 ? { ...p, maxPoints: { B: 10 } } : p));
    const groups = def.groups.map((g, i) => (i === 1 ? { ...g, maxTotal: 70 } : g));
    expect(found(patch({ pillars, groups }))).toEqual(["CRITERIA_SUM_MISMATCH pillars.2.maxPoints.B"]);
  });

  it("reports points for an unknown group in a pillar", () => {
    const def = smallFramework();
    const pillars = def.pillars.map((p, i) => (i === 2 ? { ...p, maxPoints: { B: 0, C: 0 } } : p));
    expect(found(patch({ pillars }))).toEqual(["UNKNOWN_GROUP pillars.2.maxPoints.C"]);
  });

  it("reports negative points and points with more than 2 decimals", () => {
    expect(found(withCriterion(0, { maxPoints: -40 }))).toContain("INVALID_POINTS criteria.0.maxPoints");
    expect(found(withCriterion(0, { maxPoints: 39.999 }))).toContain("INVALID_POINTS criteria.0.maxPoints");
    expect(found(withCriterion(1, { maxPoints: { A: 20, B: Number.NaN } }))).toContain(
      "INVALID_POINTS criteria.1.maxPoints.B",
    );
  });
});

describe("validateFramework: criteria references", () => {
  it("reports an unknown pillar", () => {
    const problems = validateFramework(withCriterion(0, { pillar: "P9" }));
    expect(problems[0]).toEqual({
      path: "criteria.0.pillar",
      code: "UNKNOWN_PILLAR",
      messageVi: "Không có chỉ số chính 'P9'",
      messageEn: "There is no pillar 'P9'",
    });
  });

  it("reports an unknown group and a group listed twice", () => {
    expect(found(withCriterion(0, { groups: ["A", "Z"] }))).toEqual(["UNKNOWN_GROUP criteria.0.groups.1"]);
    expect(found(withCriterion(1, { groups: ["A", "B", "A"] }))).toEqual([
      "DUPLICATE_CODE criteria.1.groups.2",
    ]);
  });

  it("reports a criterion in a group where its pillar is absent", () => {
    expect(found(withCriterion(3, { groups: ["A", "B"] }))).toEqual([
      "PILLAR_NOT_IN_GROUP criteria.3.groups.0",
    ]);
  });

  it("reports missing points for one of its groups", () => {
    expect(found(withCriterion(2, { maxPoints: { A: 40 } }))).toEqual([
      "MISSING_POINTS criteria.2.maxPoints",
      "CRITERIA_SUM_MISMATCH pillars.1.maxPoints.B",
    ]);
  });

  it("reports points for a group the criterion does not apply to", () => {
    const problems = validateFramework(withCriterion(0, { maxPoints: { A: 40, B: 5 } }));
    expect(problems.map((p) => [p.code, p.path, p.messageEn])).toEqual([
      [
        "UNKNOWN_GROUP",
        "criteria.0.maxPoints.B",
        "Points are given for group 'B', which the criterion does not apply to",
      ],
    ]);
  });
});

describe("validateFramework: scoring methods", () => {
  it("reports an unknown method at its kind", () => {
    const problems = validateFramework(
      withCriterion(0, { method: { kind: "weighted" } as unknown as ScoringMethod }),
    );
    expect(problems).toEqual([
      {
        path: "criteria.0.method.kind",
        code: "UNKNOWN_METHOD",
        messageVi: "Cách tính điểm 'weighted' không được hỗ trợ",
        messageEn: "Scoring method 'weighted' is not supported",
      },
    ]);
  });

  it("tiers: empty, duplicate codes, both or neither award, bad share", () => {
    expect(methodProblems({ kind: "tiers", options: [] })).toEqual(["EMPTY criteria.0.method.options"]);
    expect(
      methodProblems({ kind: "tiers", options: [option("X", { share: 1 }), option("X", { share: 0 })] }),
    ).toEqual(["DUPLICATE_CODE criteria.0.method.options.1.code"]);
    expect(
      methodProblems({
        kind: "tiers",
        options: [option("X", { share: 1 }), option("Y", { share: 0.5, points: 2 })],
      }),
    ).toEqual(["INVALID_AWARD criteria.0.method.options.1"]);
    expect(methodProblems({ kind: "tiers", options: [option("X", {})] })).toEqual([
      "INVALID_AWARD criteria.0.method.options.0",
    ]);
    expect(methodProblems({ kind: "tiers", options: [option("X", { share: 1.5 })] })).toEqual([
      "INVALID_AWARD criteria.0.method.options.0.share",
    ]);
  });

  it("tiers: points above the maximum, and a maximum no option reaches", () => {
    const problems = validateFramework(
      withCriterion(0, { method: { kind: "tiers", options: [option("X", { points: 45 })] } }),
    );
    expect(problems).toEqual([
      {
        path: "criteria.0.method.options.0.points",
        code: "POINTS_ABOVE_MAX",
        messageVi: "Số điểm 45 vượt điểm tối đa 40 của nhóm 'A'",
        messageEn: "Points 45 exceed the maximum 40 for group 'A'",
      },
    ]);
    expect(
      methodProblems({ kind: "tiers", options: [option("X", { points: 30 }), option("Y", { share: 0.5 })] }),
    ).toEqual(["MAX_UNREACHABLE criteria.0.method.options"]);
  });

  it("checks absolute points against every group's maximum", () => {
    const method: ScoringMethod = {
      kind: "tiers",
      options: [option("X", { points: 25 }), option("Y", { share: 1 })],
    };
    expect(found(withCriterion(1, { method }))).toEqual([
      "POINTS_ABOVE_MAX criteria.1.method.options.0.points",
    ]);
  });

  it("count_thresholds: counts must decrease and points must not increase", () => {
    const t = (atLeast: number, points: number) => ({ atLeast, points });
    expect(methodProblems({ kind: "count_thresholds", thresholds: [t(2, 20), t(4, 40)] })).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [t(4, 40), t(4, 20)] })).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [t(4, 30), t(2, 40)] })).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [t(4, 40), t(2, 40), t(1, 5)] })).toEqual(
      [],
    );
  });

  it("count_thresholds: counts must be whole and not negative; the list not empty", () => {
    expect(methodProblems({ kind: "count_thresholds", thresholds: [{ atLeast: -1, points: 40 }] })).toEqual([
      "INVALID_THRESHOLD criteria.0.method.thresholds.0.atLeast",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [{ atLeast: 1.5, points: 40 }] })).toEqual([
      "INVALID_THRESHOLD criteria.0.method.thresholds.0.atLeast",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [] })).toEqual([
      "EMPTY criteria.0.method.thresholds",
    ]);
    expect(methodProblems({ kind: "count_thresholds", thresholds: [{ atLeast: 2, points: 20 }] })).toEqual([
      "MAX_UNREACHABLE criteria.0.method.thresholds",
    ]);
  });

  it("numeric_thresholds: ≥ limits decrease, ≤ limits increase", () => {
    const t = (limit: number, share: number) => ({ limit, share });
    const atLeast = (thresholds: { limit: number; share: number }[]): ScoringMethod => ({
      kind: "numeric_thresholds",
      direction: "at_least",
      thresholds,
    });
    const atMost = (thresholds: { limit: number; share: number }[]): ScoringMethod => ({
      kind: "numeric_thresholds",
      direction: "at_most",
      thresholds,
    });
    expect(methodProblems(atLeast([t(80, 1), t(50, 0.5)]))).toEqual([]);
    expect(methodProblems(atLeast([t(50, 1), t(80, 0.5)]))).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
    expect(methodProblems(atMost([t(24, 1), t(72, 0.5)]))).toEqual([]);
    expect(methodProblems(atMost([t(72, 1), t(24, 0.5)]))).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
    expect(methodProblems(atMost([t(24, 0.5), t(72, 1)]))).toEqual([
      "UNORDERED_THRESHOLDS criteria.0.method.thresholds.1",
    ]);
  });

  it("numeric_thresholds: limits inside the scale, and a scale whose minimum is not above its maximum", () => {
    const scaled = (min: number, max: number, limit: number): ScoringMethod => ({
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min, max },
      thresholds: [{ limit, share: 1 }],
    });
    expect(methodProblems(scaled(0, 100, 101))).toEqual([
      "INVALID_THRESHOLD criteria.0.method.thresholds.0.limit",
    ]);
    expect(methodProblems(scaled(100, 0, 50))).toContain("INVALID_SCALE criteria.0.method.scale");
    expect(methodProblems(scaled(0, 100, 100))).toEqual([]);
  });

  it("ratio: fullAt must be in (0, 1]", () => {
    expect(methodProblems({ kind: "ratio", fullAt: 0 })).toEqual([
      "INVALID_THRESHOLD criteria.0.method.fullAt",
    ]);
    expect(methodProblems({ kind: "ratio", fullAt: 1.2 })).toEqual([
      "INVALID_THRESHOLD criteria.0.method.fullAt",
    ]);
    expect(methodProblems({ kind: "ratio", fullAt: 1 })).toEqual([]);
  });
});

describe("validateFramework: metric expressions", () => {
  it("reports an expression that does not parse, with the parser's message", () => {
    const problems = validateFramework(withCriterion(0, { metricExpression: "#{A} +" }));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["INVALID_EXPRESSION", "criteria.0.metricExpression"],
    ]);
    expect(problems[0]?.messageVi).toMatch(/^Biểu thức không hợp lệ: .+/);
    expect(problems[0]?.messageEn).toMatch(/^Invalid expression: .+/);
  });

  it("accepts an expression for yes_no, refuses one for methods that take no single number", () => {
    expect(found(withCriterion(0, { metricExpression: "#{KH} == 1" }))).toEqual([]);
    expect(found(withCriterion(1, { metricExpression: "#{A} / #{B}" }))).toEqual([
      "EXPRESSION_NOT_SUPPORTED criteria.1.metricExpression",
    ]);
    expect(found(withCriterion(2, { metricExpression: "#{A}" }))).toEqual([
      "EXPRESSION_NOT_SUPPORTED criteria.2.metricExpression",
    ]);
  });
});
