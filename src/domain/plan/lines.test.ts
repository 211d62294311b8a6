import { describe, expect, it } from "vitest";
import { expectedLine, forecastLine, paceLine } from "./lines.ts";
import { computeStatus } from "./status.ts";
import { DOWN, day, expectPlanError, obs, UP } from "./test-helpers.ts";
import type { IndicatorSpec } from "./types.ts";

const values = (line: { value: number | null }[]) => line.map((p) => p.value);

describe("expectedLine", () => {
  it("runs straight from baseline to target, flat outside the plan", () => {
    const spec: IndicatorSpec = { ...UP, baselineDate: day(10), deadline: day(110), baseline: 20 };
    const line = expectedLine(spec, [day(0), day(10), day(60), day(110), day(200)]);
    expect(line.map((p) => p.date)).toEqual([day(0), day(10), day(60), day(110), day(200)]);
    expect(values(line)).toEqual([20, 20, 60, 100, 100]);
  });

  it("ends exactly on the target, even where floats would drift", () => {
    const spec: IndicatorSpec = { ...UP, kind: "percent", baseline: 0.1, target: 0.3 };
    expect(values(expectedLine(spec, [day(100)]))).toEqual([0.3]);
  });

  it("falls for a downward target", () => {
    expect(values(expectedLine(DOWN, [day(0), day(25), day(100)]))).toEqual([100, 75, 0]);
  });

  it("is null without a baseline, and runs 0 → 1 for a milestone", () => {
    expect(values(expectedLine({ ...UP, baseline: null }, [day(50)]))).toEqual([null]);
    const milestone: IndicatorSpec = { ...UP, kind: "milestone", baseline: null, target: 1 };
    expect(values(expectedLine(milestone, [day(0), day(50), day(100)]))).toEqual([0, 0.5, 1]);
  });

  it("handles a plan of a single day without dividing by zero", () => {
    const spec: IndicatorSpec = { ...UP, baselineDate: day(100) };
    expect(values(expectedLine(spec, [day(99), day(100), day(101)]))).toEqual([0, 100, 100]);
  });

  it("refuses a bad date with its position", () => {
    expectPlanError(() => expectedLine(UP, [day(1), "2023-02-30"]), "INVALID_DATE", "dates.1");
  });
});

describe("forecastLine", () => {
  const series = [obs(40, 10), obs(50, 20), obs(60, 30)];

  it("draws the least-squares trend on each date", () => {
    expect(values(forecastLine(UP, series, [day(40), day(70), day(100)]))).toEqual([10, 40, 70]);
  });

  it("agrees with computeStatus at the deadline", () => {
    const status = computeStatus(UP, series, day(60));
    expect(forecastLine(UP, series, [UP.deadline], { asOf: day(60) })[0]?.value).toBe(status.forecast);
  });

  it("uses only observations up to asOf when given", () => {
    const withLater = [...series, obs(70, 0)];
    expect(values(forecastLine(UP, withLater, [day(100)], { asOf: day(60) }))).toEqual([70]);
    expect(values(forecastLine(UP, withLater, [day(100)]))).not.toEqual([70]);
  });

  it("respects trendWindow", () => {
    const bent = [obs(10, 100), obs(20, 0), ...series];
    expect(values(forecastLine(UP, bent, [day(100)], { trendWindow: 3 }))).toEqual([70]);
    expectPlanError(() => forecastLine(UP, bent, [day(100)], { trendWindow: 1 }), "INVALID_OPTION");
  });

  it("caps a percent trend at 0 and 100", () => {
    const spec: IndicatorSpec = { ...UP, kind: "percent", baseline: 0, target: 90 };
    const line = forecastLine(spec, [obs(50, 50), obs(60, 70)], [day(0), day(100)]);
    expect(values(line)).toEqual([0, 100]);
  });

  it("is null for milestones and for a lone observation without baseline", () => {
    const milestone: IndicatorSpec = { ...UP, kind: "milestone", target: 1 };
    expect(values(forecastLine(milestone, [obs(10, 0), obs(20, 0)], [day(50)]))).toEqual([null]);
    expect(values(forecastLine({ ...UP, baseline: null }, [obs(10, 5)], [day(50)]))).toEqual([null]);
  });
});

describe("paceLine", () => {
  it("runs from the current value at asOf to the target at the deadline, null outside", () => {
    const line = paceLine(UP, [obs(50, 40)], day(60), [day(50), day(60), day(80), day(100), day(110)]);
    expect(values(line)).toEqual([null, 40, 70, 100, null]);
  });

  it("is null when met, when nothing is reported, or after the deadline", () => {
    expect(values(paceLine(UP, [obs(50, 100)], day(60), [day(80)]))).toEqual([null]);
    expect(values(paceLine(UP, [], day(60), [day(80)]))).toEqual([null]);
    expect(values(paceLine(UP, [obs(50, 40)], day(101), [day(101)]))).toEqual([null]);
  });

  it("on the deadline day is the single point of the target", () => {
    expect(values(paceLine(UP, [obs(50, 40)], day(100), [day(99), day(100)]))).toEqual([null, 100]);
  });
});
