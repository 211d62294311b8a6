import { describe, expect, it } from "vitest";
import { scoreCriterion } from "./methods.ts";
import { criterion } from "./test-helpers.ts";
import type { CriterionValue, ScoringMethod } from "./types.ts";

/** Points of `value`, failing the test if it cannot be scored. */
function points(method: ScoringMethod, value: CriterionValue, max = 20): number {
  const result = scoreCriterion(criterion(method, max), "A", value);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.points;
}

/** The issue code of a value that cannot be scored. */
function issue(method: ScoringMethod, value: unknown, max = 20): string {
  const result = scoreCriterion(criterion(method, max), "A", value as CriterionValue);
  return result.ok ? `scored ${result.points}` : result.error.code;
}

const TIERS: ScoringMethod = {
  kind: "tiers",
  options: [
    { code: "CHAIR", labelVi: "Chủ tịch", labelEn: "Chair", share: 1 },
    { code: "DEPUTY", labelVi: "Phó", labelEn: "Deputy", share: 0.5 },
    { code: "THIRD", labelVi: "Một phần ba", labelEn: "A third", share: 1 / 3 },
    { code: "FIXED", labelVi: "Cố định", labelEn: "Fixed", points: 7.5 },
    { code: "NONE", labelVi: "Không", labelEn: "None", share: 0 },
  ],
};
const MEETINGS: ScoringMethod = {
  kind: "count_thresholds",
  thresholds: [
    { atLeast: 4, points: 20 },
    { atLeast: 3, points: 15 },
    { atLeast: 2, points: 10 },
    { atLeast: 1, points: 5 },
  ],
};
const ONLINE: ScoringMethod = {
  kind: "numeric_thresholds",
  direction: "at_least",
  scale: { min: 0, max: 100 },
  thresholds: [
    { limit: 80, points: 10 },
    { limit: 57, points: 7 },
    { limit: 50, points: 5 },
  ],
};
const REPAIR_HOURS: ScoringMethod = {
  kind: "numeric_thresholds",
  direction: "at_most",
  scale: { min: 0 },
  thresholds: [
    { limit: 24, points: 30 },
    { limit: 72, points: 15 },
  ],
};

describe("yes_no", () => {
  it("gives the maximum for yes and 0 for no", () => {
    expect(points({ kind: "yes_no" }, true)).toBe(20);
    expect(points({ kind: "yes_no" }, false)).toBe(0);
  });

  it("refuses anything but a boolean", () => {
    expect(issue({ kind: "yes_no" }, "true")).toBe("WRONG_VALUE_TYPE");
    expect(issue({ kind: "yes_no" }, 1)).toBe("WRONG_VALUE_TYPE");
  });
});

describe("tiers", () => {
  it("gives each option its share of the maximum or its points", () => {
    expect(points(TIERS, "CHAIR", 10)).toBe(10);
    expect(points(TIERS, "DEPUTY", 10)).toBe(5);
    expect(points(TIERS, "NONE", 10)).toBe(0);
    expect(points(TIERS, "FIXED", 10)).toBe(7.5);
  });

  it("rounds a share to 2 decimals", () => {
    expect(points(TIERS, "THIRD", 10)).toBe(3.33);
  });

  it("refuses an unknown option code, naming the known ones", () => {
    const result = scoreCriterion(criterion(TIERS, 10), "A", "PRESIDENT");
    expect(result).toMatchObject({ ok: false, error: { code: "UNKNOWN_OPTION" } });
    if (!result.ok) {
      expect(result.error.messageVi).toBe(
        "Tiêu chí 1.1: phương án 'PRESIDENT' không có trong danh sách (CHAIR, DEPUTY, THIRD, FIXED, NONE)",
      );
    }
  });

  it("matches option codes exactly", () => {
    expect(issue(TIERS, "chair")).toBe("UNKNOWN_OPTION");
    expect(issue(TIERS, 1)).toBe("WRONG_VALUE_TYPE");
  });

  it("scales shares with the group's own maximum", () => {
    const c = criterion(TIERS, { A: 20, B: 10 }, { groups: ["A", "B"] });
    expect(scoreCriterion(c, "A", "DEPUTY")).toEqual({ ok: true, points: 10, maxPoints: 20 });
    expect(scoreCriterion(c, "B", "DEPUTY")).toEqual({ ok: true, points: 5, maxPoints: 10 });
  });
});

describe("ratio", () => {
  const ratio: ScoringMethod = { kind: "ratio" };

  it("gives a/b of the maximum", () => {
    expect(points(ratio, { a: 3, b: 4 }, 20)).toBe(15);
    expect(points(ratio, { a: 1, b: 8 }, 10)).toBe(1.25);
    expect(points(ratio, { a: 2, b: 3 }, 10)).toBe(6.67);
    expect(points(ratio, { a: 1, b: 3 }, 30)).toBe(10);
  });

  it("gives the maximum when a = b and 0 when a = 0", () => {
    expect(points(ratio, { a: 7, b: 7 })).toBe(20);
    expect(points(ratio, { a: 0, b: 7 })).toBe(0);
  });

  it("rounds half away from zero: 1 of 200 at 1 point is 0.005, shown as 0.01", () => {
    expect(points(ratio, { a: 1, b: 200 }, 1)).toBe(0.01);
  });

  it("gives 0 when nothing was required (b = 0) unless the criterion says full", () => {
    expect(points(ratio, { a: 0, b: 0 })).toBe(0);
    expect(points({ kind: "ratio", zeroDenominator: "zero" }, { a: 0, b: 0 })).toBe(0);
    expect(points({ kind: "ratio", zeroDenominator: "full" }, { a: 0, b: 0 })).toBe(20);
  });

  it("reaches the maximum at fullAt and stays there above it", () => {
    const capped: ScoringMethod = { kind: "ratio", fullAt: 0.9 };
    expect(points(capped, { a: 9, b: 10 }, 40)).toBe(40);
    expect(points(capped, { a: 10, b: 10 }, 40)).toBe(40);
    expect(points(capped, { a: 45, b: 100 }, 40)).toBe(20);
    expect(points(capped, { a: 89, b: 100 }, 40)).toBe(39.56);
  });

  it("refuses a above b, with both numbers in the message", () => {
    const result = scoreCriterion(criterion(ratio), "A", { a: 5, b: 4 });
    expect(result).toMatchObject({ ok: false, error: { code: "NUMERATOR_EXCEEDS_DENOMINATOR" } });
    if (!result.ok) expect(result.error.messageVi).toBe("Tiêu chí 1.1: a = 5 lớn hơn tổng số b = 4");
    expect(issue(ratio, { a: 1, b: 0 })).toBe("NUMERATOR_EXCEEDS_DENOMINATOR");
  });

  it("refuses negative parts and values that are not a pair of finite numbers", () => {
    expect(issue(ratio, { a: -1, b: 4 })).toBe("OUT_OF_SCALE");
    expect(issue(ratio, { a: 0, b: -4 })).toBe("OUT_OF_SCALE");
    expect(issue(ratio, { a: 1 })).toBe("WRONG_VALUE_TYPE");
    expect(issue(ratio, { a: "1", b: 2 })).toBe("WRONG_VALUE_TYPE");
    expect(issue(ratio, { a: 1, b: Number.POSITIVE_INFINITY })).toBe("WRONG_VALUE_TYPE");
    expect(issue(ratio, 0.5)).toBe("WRONG_VALUE_TYPE");
    expect(issue(ratio, null)).toBe("WRONG_VALUE_TYPE");
  });
});

describe("count_thresholds", () => {
  it("gives the points of the highest threshold reached, exactly at it and one below", () => {
    expect(points(MEETINGS, 4)).toBe(20);
    expect(points(MEETINGS, 3)).toBe(15);
    expect(points(MEETINGS, 2)).toBe(10);
    expect(points(MEETINGS, 1)).toBe(5);
    expect(points(MEETINGS, 0)).toBe(0);
    expect(points(MEETINGS, 12)).toBe(20);
  });

  it("refuses negative and fractional counts", () => {
    expect(issue(MEETINGS, -1)).toBe("OUT_OF_SCALE");
    expect(issue(MEETINGS, 2.5)).toBe("NOT_WHOLE_NUMBER");
    expect(issue(MEETINGS, Number.NaN)).toBe("WRONG_VALUE_TYPE");
    expect(issue(MEETINGS, "4")).toBe("WRONG_VALUE_TYPE");
  });

  it("says why a negative count is refused, in both languages", () => {
    const result = scoreCriterion(criterion(MEETINGS), "A", -1);
    expect(result.ok ? null : [result.error.messageVi, result.error.messageEn]).toEqual([
      "Tiêu chí 1.1: giá trị -1 nằm ngoài thang từ 0 trở lên",
      "Criterion 1.1: value -1 is outside the scale of 0 or more",
    ]);
  });
});

describe("numeric_thresholds", () => {
  it("at_least: a value exactly at a limit reaches it, just below does not", () => {
    expect(points(ONLINE, 80)).toBe(10);
    expect(points(ONLINE, 79.99)).toBe(7);
    expect(points(ONLINE, 50)).toBe(5);
    expect(points(ONLINE, 49.99)).toBe(0);
    expect(points(ONLINE, 100)).toBe(10);
    expect(points(ONLINE, 0)).toBe(0);
  });

  it("at_least: a computed percentage off by float noise still reaches its limit", () => {
    expect(0.57 * 100).toBeLessThan(57);
    expect(points(ONLINE, 0.57 * 100)).toBe(7);
  });

  it("at_most: lower is better, the limit itself counts", () => {
    expect(points(REPAIR_HOURS, 0, 30)).toBe(30);
    expect(points(REPAIR_HOURS, 24, 30)).toBe(30);
    expect(points(REPAIR_HOURS, 24.01, 30)).toBe(15);
    expect(points(REPAIR_HOURS, 72, 30)).toBe(15);
    expect(points(REPAIR_HOURS, 72.5, 30)).toBe(0);
  });

  it("refuses values outside the scale, quoting it", () => {
    const result = scoreCriterion(criterion(ONLINE), "A", 100.5);
    expect(result.ok ? null : [result.error.code, result.error.messageVi, result.error.messageEn]).toEqual([
      "OUT_OF_SCALE",
      "Tiêu chí 1.1: giá trị 100,5 nằm ngoài thang từ 0 đến 100",
      "Criterion 1.1: value 100.5 is outside the scale 0 to 100",
    ]);
    expect(issue(ONLINE, -0.1)).toBe("OUT_OF_SCALE");
    expect(issue(REPAIR_HOURS, -1)).toBe("OUT_OF_SCALE");
    expect(issue(ONLINE, Number.POSITIVE_INFINITY)).toBe("WRONG_VALUE_TYPE");
  });

  it("accepts any number when no scale is given", () => {
    const open: ScoringMethod = {
      kind: "numeric_thresholds",
      direction: "at_least",
      thresholds: [{ limit: -5, share: 1 }],
    };
    expect(points(open, -5)).toBe(20);
    expect(points(open, -5.01)).toBe(0);
  });
});

describe("manual", () => {
  it("keeps the appraisers' points, rounded half away from zero to 2 decimals", () => {
    expect(points({ kind: "manual" }, 0)).toBe(0);
    expect(points({ kind: "manual" }, 20)).toBe(20);
    expect(points({ kind: "manual" }, 12.345)).toBe(12.35);
    expect(points({ kind: "manual" }, 12.344)).toBe(12.34);
    expect(points({ kind: "manual" }, 1.005)).toBe(1.01);
  });

  it("refuses points outside [0, maximum]", () => {
    expect(issue({ kind: "manual" }, -0.01)).toBe("OUT_OF_SCALE");
    expect(issue({ kind: "manual" }, 20.01)).toBe("OUT_OF_SCALE");
    expect(issue({ kind: "manual" }, true)).toBe("WRONG_VALUE_TYPE");
  });
});

describe("scoreCriterion", () => {
  it("refuses a group the criterion does not apply to", () => {
    const result = scoreCriterion(criterion({ kind: "yes_no" }), "B", true);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "NOT_APPLICABLE",
        messageVi: "Tiêu chí 1.1 không áp dụng cho nhóm B",
        messageEn: "Criterion 1.1 does not apply to group B",
      },
    });
  });

  it("reports a method it does not know instead of throwing", () => {
    const method = { kind: "weighted" } as unknown as ScoringMethod;
    expect(issue(method, 1)).toBe("UNKNOWN_METHOD");
  });

  it("returns the group's maximum with the points", () => {
    const c = criterion({ kind: "yes_no" }, { A: 15 });
    expect(scoreCriterion(c, "A", true)).toEqual({ ok: true, points: 15, maxPoints: 15 });
  });

  it("never gives more than the maximum, even for a framework that failed validation", () => {
    const bad: ScoringMethod = {
      kind: "tiers",
      options: [{ code: "X", labelVi: "X", labelEn: "X", points: 50 }],
    };
    expect(points(bad, "X", 20)).toBe(20);
  });
});
