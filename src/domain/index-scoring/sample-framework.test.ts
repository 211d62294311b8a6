import { describe, expect, it } from "vitest";
import { scoreCriterion } from "./methods.ts";
import { criterionMax } from "./points.ts";
import { SAMPLE_FRAMEWORK } from "./sample-framework.ts";
import { type Criterion, type CriterionValue, SCORING_METHOD_KINDS } from "./types.ts";
import { scoreUnit } from "./unit.ts";
import { validateFramework } from "./validate.ts";

/** The value that earns a criterion its maximum. */
function best(c: Criterion): CriterionValue {
  const m = c.method;
  switch (m.kind) {
    case "yes_no":
      return true;
    case "tiers":
      return m.options.find((o) => o.share === 1)?.code ?? "";
    case "ratio":
      return { a: 1, b: 1 };
    case "count_thresholds":
      return 1000;
    case "numeric_thresholds":
      return m.direction === "at_least" ? (m.scale?.max ?? 1e6) : (m.scale?.min ?? 0);
    case "manual":
      return 30;
  }
}

describe("SAMPLE_FRAMEWORK", () => {
  it("validates cleanly", () => {
    expect(validateFramework(SAMPLE_FRAMEWORK)).toEqual([]);
  });

  it("is marked as a sample", () => {
    expect(SAMPLE_FRAMEWORK.nameVi).toContain("MẪU");
    expect(SAMPLE_FRAMEWORK.nameEn).toContain("SAMPLE");
  });

  it("uses every scoring method", () => {
    const used = new Set(SAMPLE_FRAMEWORK.criteria.map((c) => c.method.kind));
    expect([...used].sort()).toEqual([...SCORING_METHOD_KINDS].sort());
  });

  it("has departments with and without public services and districts, at 1000, 800 and 900 points", () => {
    expect(SAMPLE_FRAMEWORK.groups.map((g) => [g.code, g.maxTotal])).toEqual([
      ["SO_DVC", 1000],
      ["SO_KHAC", 800],
      ["HUYEN", 900],
    ]);
  });

  it("has 2 to 4 criteria for each scored pillar", () => {
    for (const p of SAMPLE_FRAMEWORK.pillars.filter((p) => p.code !== "DTTM")) {
      const count = SAMPLE_FRAMEWORK.criteria.filter((c) => c.pillar === p.code).length;
      expect(count, p.code).toBeGreaterThanOrEqual(2);
      expect(count, p.code).toBeLessThanOrEqual(4);
    }
  });

  it.each(SAMPLE_FRAMEWORK.groups)("gives full marks and index 1 to a perfect unit of $code", (group) => {
    const values = new Map(SAMPLE_FRAMEWORK.criteria.map((c) => [c.code, best(c)]));
    const score = scoreUnit(SAMPLE_FRAMEWORK, group.code, values);
    expect(score.invalid).toEqual([]);
    expect([score.points, score.maxPoints, score.index]).toEqual([group.maxTotal, group.maxTotal, 1]);
  });

  it("scores a district's digital government pillar out of 200", () => {
    const values = new Map<string, CriterionValue>([
      ["6.1", 65.4],
      ["6.2", { a: 950, b: 1000 }],
      ["6.3", { a: 1, b: 3 }],
      ["6.4", "CHUA_DAY_DU"],
    ]);
    const score = scoreUnit(SAMPLE_FRAMEWORK, "HUYEN", values);
    const cqs = score.pillars.find((p) => p.code === "CQS");
    expect(score.criteria.filter((c) => c.pillar === "CQS").map((c) => c.points)).toEqual([
      30, 38, 16.67, 25,
    ]);
    expect(cqs).toEqual({ code: "CQS", points: 109.67, maxPoints: 200, index: 0.5484 });
  });

  it("gives a unit without information systems full points for approvals (b = 0)", () => {
    const c = SAMPLE_FRAMEWORK.criteria.find((x) => x.code === "5.1") as Criterion;
    expect(scoreCriterion(c, "SO_KHAC", { a: 0, b: 0 })).toEqual({ ok: true, points: 40, maxPoints: 40 });
  });

  it("keeps districts' economy and society criteria away from departments", () => {
    const c = SAMPLE_FRAMEWORK.criteria.find((x) => x.code === "7.1") as Criterion;
    expect(criterionMax(c, "SO_DVC")).toBeNull();
    expect(scoreUnit(SAMPLE_FRAMEWORK, "SO_DVC", new Map()).pillars.map((p) => p.code)).toEqual([
      "NTS",
      "TCS",
      "HTS",
      "NLS",
      "ATTT",
      "CQS",
    ]);
  });
});
