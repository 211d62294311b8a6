import { describe, expect, it } from "vitest";
import { awardValue, indexOf, pointsFor, roundIndex, roundPoints, sumPoints } from "./points.ts";

describe("points helpers", () => {
  it("rounds points to 2 decimals and the index to 4, half away from zero on the decimal value", () => {
    expect(roundPoints(2.675)).toBe(2.68);
    expect(roundPoints(1.005)).toBe(1.01);
    expect(roundPoints(-1.005)).toBe(-1.01);
    expect(roundIndex(0.60765)).toBe(0.6077);
    expect(roundIndex(0.60764999)).toBe(0.6076);
  });

  it("sums rounded points exactly", () => {
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints([33.33, 33.33, 33.34])).toBe(100);
    expect(sumPoints([])).toBe(0);
  });

  it("gives a null index for a maximum of 0 (không tính điểm)", () => {
    expect(indexOf(0, 0)).toBeNull();
    expect(indexOf(607.7, 1000)).toBe(0.6077);
  });

  it("reads per-group points from own keys only", () => {
    expect(pointsFor({ A: 10 }, "A")).toBe(10);
    expect(pointsFor({ A: 10 }, "B")).toBeNull();
    expect(pointsFor({ A: 10 }, "constructor")).toBeNull();
    expect(pointsFor(25, "anything")).toBe(25);
  });

  it("values an award as points or a share of the maximum", () => {
    expect(awardValue({ points: 7 }, 20)).toBe(7);
    expect(awardValue({ share: 0.25 }, 20)).toBe(5);
    expect(awardValue({}, 20)).toBeNull();
  });
});
