import { describe, expect, it } from "vitest";
import { computeStatus } from "./status.ts";
import { day, expectPlanError, obs, UP } from "./test-helpers.ts";
import type { IndicatorSpec, Observation } from "./types.ts";
import { resolveOptions } from "./validate.ts";

describe("spec checks", () => {
  const check = (spec: IndicatorSpec) => () => computeStatus(spec, [], day(10));

  it("accepts the defaults of every option", () => {
    expect(resolveOptions()).toEqual({ tolerance: 0.9, trendWindow: 6, milestoneRiskDays: 60 });
  });

  it("refuses a deadline before the baseline date", () => {
    expectPlanError(check({ ...UP, deadline: day(-1) }), "INVALID_SPEC", "spec.deadline");
  });

  it("refuses impossible dates", () => {
    expectPlanError(check({ ...UP, baselineDate: "2023-02-29" }), "INVALID_DATE", "spec.baselineDate");
    expectPlanError(() => computeStatus(UP, [], "30/09/2023"), "INVALID_DATE", "asOf");
  });

  it("refuses a target or baseline that is not a finite number", () => {
    expectPlanError(check({ ...UP, target: Number.NaN }), "INVALID_SPEC", "spec.target");
    expectPlanError(check({ ...UP, baseline: Number.POSITIVE_INFINITY }), "INVALID_SPEC", "spec.baseline");
  });

  it("refuses an unknown kind or direction", () => {
    expectPlanError(check({ ...UP, kind: "ratio" } as unknown as IndicatorSpec), "INVALID_SPEC", "spec.kind");
    expectPlanError(check({ ...UP, direction: "sideways" } as unknown as IndicatorSpec), "INVALID_SPEC");
  });

  it("keeps percentages within 0–100", () => {
    expectPlanError(check({ ...UP, kind: "percent", target: 120 }), "INVALID_SPEC", "spec.target");
    expectPlanError(
      check({ ...UP, kind: "percent", baseline: -1, target: 80 }),
      "INVALID_SPEC",
      "spec.baseline",
    );
  });

  it("names the field in words, not by its path", () => {
    expect(check({ ...UP, kind: "percent", target: 120 })).toThrow(
      expect.objectContaining({
        messageVi: "Mục tiêu là tỷ lệ, phải từ 0 đến 100",
        messageEn: "Target is a percentage and must be from 0 to 100",
      }),
    );
  });

  it("needs a whole, positive unit total and a target within it", () => {
    const units: IndicatorSpec = { ...UP, kind: "unit_count", target: 12, unitTotal: 12 };
    expect(check(units)().status).toBe("no_data");
    expectPlanError(check({ ...units, unitTotal: undefined }), "INVALID_SPEC", "spec.unitTotal");
    expectPlanError(check({ ...units, unitTotal: 0 }), "INVALID_SPEC", "spec.unitTotal");
    expectPlanError(check({ ...units, target: 13 }), "INVALID_SPEC", "spec.target");
    expectPlanError(check({ ...units, target: 11.5 }), "INVALID_SPEC", "spec.target");
  });

  it("holds milestones to up, target 1", () => {
    const milestone: IndicatorSpec = { ...UP, kind: "milestone", target: 1 };
    expect(check(milestone)().status).toBe("no_data");
    expectPlanError(check({ ...milestone, target: 100 }), "INVALID_SPEC", "spec");
    expectPlanError(check({ ...milestone, direction: "down" }), "INVALID_SPEC", "spec");
    expectPlanError(check({ ...milestone, baseline: 0.5 }), "INVALID_SPEC", "spec");
  });
});

describe("observation checks", () => {
  it("refuses two different values on one date, whatever their periods", () => {
    const clash: Observation[] = [obs(30, 10), obs(60, 20), { period: "2023Q1", date: day(60), value: 21 }];
    const error = expectPlanError(
      () => computeStatus(UP, clash, day(90)),
      "DUPLICATE_OBSERVATION",
      "observations.2",
    );
    expect(error.messageVi).toBe("Có hai giá trị khác nhau cùng ngày 02/03/2023");
  });

  it("a null beside a value on the same date is no clash", () => {
    const r = computeStatus(UP, [obs(60, 20), { period: "2023Q1", date: day(60), value: null }], day(60));
    expect(r.current).toBe(20);
  });

  it("refuses non-finite values and bad dates with their position", () => {
    expectPlanError(
      () => computeStatus(UP, [obs(1, 1), obs(2, Number.NaN)], day(9)),
      "INVALID_OBSERVATION",
      "observations.1.value",
    );
    expectPlanError(
      () => computeStatus(UP, [{ period: "202309", date: "2023-09", value: 1 }], day(9)),
      "INVALID_DATE",
      "observations.0.date",
    );
  });

  it("refuses a milestone value other than 0 or 1", () => {
    const milestone: IndicatorSpec = { ...UP, kind: "milestone", target: 1 };
    expectPlanError(
      () => computeStatus(milestone, [obs(10, 2)], day(20)),
      "INVALID_OBSERVATION",
      "observations.0.value",
    );
  });
});

describe("option checks", () => {
  it.each([
    [{ tolerance: 0 }, "options.tolerance"],
    [{ tolerance: Number.NaN }, "options.tolerance"],
    [{ trendWindow: 1 }, "options.trendWindow"],
    [{ trendWindow: 2.5 }, "options.trendWindow"],
    [{ milestoneRiskDays: -1 }, "options.milestoneRiskDays"],
  ])("refuses %o", (options, path) => {
    expectPlanError(() => computeStatus(UP, [], day(1), options), "INVALID_OPTION", path);
  });
});
