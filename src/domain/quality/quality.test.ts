import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectedRange,
  mad,
  median,
  modifiedZ,
  type QualityMetric,
  qualityFlags,
  robustScale,
} from "./index.ts";

const count: QualityMetric = { code: "HOUSEHOLDS_FIBRE", valueType: "integer", minValue: 0, maxValue: null };
const percent: QualityMetric = { code: "DVC_RATE", valueType: "percent", minValue: 0, maxValue: 100 };
const steady = [1000, 1010, 990, 1005, 995, 1000, 1020, 980, 1000, 1010, 990, 1000];

describe("robust statistics", () => {
  it("takes the median and the MAD, which one wild value does not move", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(mad([1, 2, 3, 4, 1_000_000])).toBe(1);
    expect(robustScale([1, 2, 3, 4, 100]).sigma).toBeCloseTo(1 / 0.6745, 6);
  });

  it("falls back to the mean absolute deviation when over half the values are equal, and to ±∞ with no spread", () => {
    const s = robustScale([5, 5, 5, 5, 9]);
    expect(s.centre).toBe(5);
    expect(s.sigma).toBeCloseTo((4 / 5) * 1.253314, 6);
    expect(modifiedZ(7, robustScale([5, 5, 5]))).toBe(Number.POSITIVE_INFINITY);
    expect(modifiedZ(5, robustScale([5, 5, 5]))).toBe(0);
  });

  it("gives the same median and MAD whatever the order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const shuffled = [...xs].reverse();
        expect(median(shuffled)).toBe(median(xs));
        expect(mad(shuffled)).toBe(mad(xs));
      }),
    );
  });
});

describe("expected range from the unit's own history (DHIS2's min–max, robust)", () => {
  it("is the median ± 3,5 robust σ, rounded outward for whole numbers", () => {
    const wide = [1000, 1100, 900, 1050, 950, 1000, 1200, 800, 1000, 1100, 900, 1000];
    // median 1000, MAD 75 → σ 111,19; ± 389,2 → 610,8 – 1389,2
    expect(expectedRange(count, wide)?.range).toEqual({ low: 610, high: 1390 });
    expect(expectedRange(count, wide)?.basis).toBe(12);
    // MAD 7,5 → ± 38,9 is narrower than 5% of the median: ± 50
    expect(expectedRange(count, steady)?.range).toEqual({ low: 950, high: 1050 });
  });

  it("needs six earlier values, looks at the latest twelve, and keeps within the metric's bounds", () => {
    expect(expectedRange(count, [1, 2, 3, 4, 5])).toBeNull();
    expect(expectedRange(count, [null, 1, 2, 3, 4, 5, null])).toBeNull();
    const old = [1_000_000, 1_000_000, ...steady];
    expect(expectedRange(count, old)?.range).toEqual({ low: 950, high: 1050 });
    expect(expectedRange(percent, [98, 99, 100, 97, 100, 99])?.range.high).toBe(100);
    expect(expectedRange(count, [0, 0, 1, 0, 2, 0])?.range.low).toBe(0);
  });

  it("is never narrower than ± 5% of the median: a constant series allows a small move", () => {
    expect(expectedRange(count, [12, 12, 12, 12, 12, 12])?.range).toEqual({ low: 11, high: 13 });
    expect(expectedRange(percent, [50, 50, 50, 50, 50, 50])?.range).toEqual({ low: 47.5, high: 52.5 });
  });
});

describe("qualityFlags", () => {
  const peers = [900, 1100, 1000, 950, 1050, 1200, 800, 1000];

  it("flags nothing for a value in line with its history, its last change and its peers", () => {
    expect(qualityFlags({ metric: count, value: 1003, history: steady, peers })).toEqual([]);
  });

  it("flags a mistyped extra zero on all three rules, each with its range and both languages", () => {
    const flags = qualityFlags({ metric: count, value: 10_030, history: steady, peers });
    expect(flags.map((f) => f.rule)).toEqual(["history_range", "month_change", "peer_group"]);
    const [history, change, peer] = flags;
    expect(history?.expected).toEqual({ low: 950, high: 1050 });
    expect(history?.messageVi).toBe(
      "Giá trị 10.030 nằm ngoài khoảng thường gặp của đơn vị (950 – 1.050, tính từ 12 kỳ trước).",
    );
    expect(history?.messageEn).toBe(
      "The value 10,030 is outside the unit's usual range (950 – 1,050, from its 12 earlier periods).",
    );
    expect(change?.previous).toBe(1000);
    expect(change?.messageVi).toMatch(
      /^Thay đổi bất thường so với kỳ trước: từ 1\.000 thành 10\.030 \(\+9\.030; \+903,00%\)/,
    );
    expect(change?.messageEn).toMatch(/from 1,000 to 10,030 \(\+9,030; \+903\.00%\)/);
    expect(peer?.basis).toBe(8);
    expect(peer?.messageVi).toMatch(
      /^Giá trị 10\.030 khác xa các đơn vị cùng nhóm \(8 đơn vị, trung vị 1\.000,/,
    );
    expect(history?.score).toBeGreaterThan(3.5);
  });

  it("finds a jump against the unit's usual monthly growth though the level is within its range", () => {
    // A counter that grows by 10 a month, then by 90: still inside the range of its levels
    // (799 – 1.111) but not of its changes (1.010 + 10 ± 5% of 1.010).
    const growing = [900, 910, 920, 930, 940, 950, 960, 970, 980, 990, 1000, 1010];
    expect(qualityFlags({ metric: count, value: 1060, history: growing, peers: [] })).toEqual([]);
    const flags = qualityFlags({ metric: count, value: 1100, history: growing, peers: [] });
    expect(flags.map((f) => f.rule)).toEqual(["month_change"]);
    expect(flags[0]?.expected).toEqual({ low: 969, high: 1071 });
  });

  it("compares counts of units of different sizes with their peers on a log scale", () => {
    const sizes = [120, 300, 800, 2000, 5000, 450, 1500, 3000];
    expect(qualityFlags({ metric: count, value: 6000, history: [], peers: sizes })).toEqual([]);
    const [flag] = qualityFlags({ metric: count, value: 500_000, history: [], peers: sizes });
    expect(flag?.rule).toBe("peer_group");
    expect(flag?.expected.low).toBeGreaterThanOrEqual(0);
    expect(flag?.expected.high).toBeLessThan(500_000);
  });

  it("writes percents with a comma and a % sign", () => {
    const history = [80, 81, 82, 81, 80, 82, 81, 83.66];
    const [flag] = qualityFlags({ metric: percent, value: 8.37, history, peers: [] });
    expect(flag?.messageVi).toMatch(
      /^Giá trị 8,37% nằm ngoài khoảng thường gặp của đơn vị \(\d+,\d\d% – \d+,\d\d%/,
    );
    expect(flag?.messageEn).toMatch(/^The value 8\.37% is outside/);
  });

  it("does not judge yes/no or text metrics, nor a value with too little to compare against", () => {
    const yesNo: QualityMetric = {
      code: "YOUTH_DX_TEAM",
      valueType: "boolean",
      minValue: null,
      maxValue: null,
    };
    expect(
      qualityFlags({ metric: yesNo, value: 0, history: [1, 1, 1, 1, 1, 1], peers: [1, 1, 1, 1, 1] }),
    ).toEqual([]);
    expect(
      qualityFlags({ metric: count, value: 1_000_000, history: [1, 2, 3], peers: [1, 2, 3, 4] }),
    ).toEqual([]);
  });
});
