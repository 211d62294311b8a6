import { describe, expect, it } from "vitest";
import { computeStatus } from "./status.ts";
import { DOWN, day, expectFiniteEvidence, obs, UP } from "./test-helpers.ts";
import type { IndicatorSpec } from "./types.ts";

describe("R1 no data", () => {
  it("gives no_data when nothing is observed", () => {
    const r = computeStatus(UP, [], day(60));
    expect(r).toMatchObject({
      status: "no_data",
      ruleId: "R1",
      current: null,
      progress: null,
      forecast: null,
    });
    expect(r.requiredPace).toBeNull();
    expect(r.expectedProgress).toBe(0.6);
    expectFiniteEvidence(r);
  });

  it("ignores observations after asOf, even one that meets the target", () => {
    const r = computeStatus(UP, [obs(70, 100)], day(60));
    expect(r.ruleId).toBe("R1");
  });

  it("counts an observation dated exactly asOf", () => {
    expect(computeStatus(UP, [obs(60, 100)], day(60)).ruleId).toBe("R2");
  });

  it("treats a series of nulls as no data, not as zeros", () => {
    expect(computeStatus(UP, [obs(30, null), obs(60, null)], day(60)).status).toBe("no_data");
  });

  it("explains itself in both languages", () => {
    const r = computeStatus(UP, [], "2023-09-30");
    expect(r.explanationVi).toBe("Chưa có số liệu đến ngày 30/09/2023");
    expect(r.explanationEn).toBe("No data up to 30 Sep 2023");
  });
});

describe("R2 target met", () => {
  it("is done exactly at the target", () => {
    const r = computeStatus(UP, [obs(60, 100)], day(60));
    expect(r).toMatchObject({ status: "done", ruleId: "R2", current: 100, progress: 1, requiredPace: 0 });
  });

  it("is not done one below the target", () => {
    expect(computeStatus(UP, [obs(60, 99)], day(60)).status).not.toBe("done");
  });

  it("is done above the target, with progress beyond 1", () => {
    const r = computeStatus(UP, [obs(60, 120)], day(60));
    expect(r.status).toBe("done");
    expect(r.progress).toBe(1.2);
  });

  it("is done after the deadline when met (R2 comes before R3)", () => {
    expect(computeStatus(UP, [obs(90, 100)], day(200)).ruleId).toBe("R2");
  });

  it("meets a target reached up to float error", () => {
    const spec: IndicatorSpec = { ...UP, kind: "percent", target: 0.3 };
    expect(computeStatus(spec, [obs(60, 0.1 + 0.2 - 1e-16)], day(60)).status).toBe("done");
  });

  it("down: done exactly at the target, not just above it", () => {
    expect(computeStatus(DOWN, [obs(60, 0)], day(60)).ruleId).toBe("R2");
    expect(computeStatus(DOWN, [obs(60, 1)], day(60)).status).not.toBe("done");
  });

  it("down: pending feedback at 0,36% meets 'below 1%'", () => {
    const spec: IndicatorSpec = { ...UP, kind: "percent", direction: "down", baseline: 2, target: 1 };
    const r = computeStatus(spec, [obs(60, 0.36)], day(60));
    expect(r.status).toBe("done");
    expect(r.explanationVi).toBe("Đã đạt chỉ tiêu: 0,36% so với mục tiêu 1%");
    expect(r.explanationEn).toBe("Target met: 0.36% against 1%");
  });

  it("uses the latest value, not the best one", () => {
    expect(computeStatus(UP, [obs(30, 100), obs(60, 90)], day(60)).status).not.toBe("done");
  });
});

describe("R3 deadline passed", () => {
  // Flat at 95: the forecast (95) misses, so on the deadline day only R5 can call it likely.
  const series = [obs(80, 95), obs(90, 95)];

  it("on the deadline day itself the deadline has not passed", () => {
    const r = computeStatus(UP, series, day(100));
    expect(r).toMatchObject({ status: "likely", ruleId: "R5", daysToDeadline: 0, expectedProgress: 1 });
    expect(r.requiredPace).toBeNull();
  });

  it("the day after the deadline it is at risk", () => {
    const r = computeStatus(UP, series, day(101));
    expect(r).toMatchObject({ status: "at_risk", ruleId: "R3", daysToDeadline: -1, expectedProgress: 1 });
    expect(r.explanationVi).toBe("Đã quá hạn 11/04/2023 nhưng chưa đạt: 95 so với mục tiêu 100");
    expect(r.explanationEn).toBe("Deadline 11 Apr 2023 passed, target not met: 95 against 100");
  });

  it("wins over a forecast that would still meet the target", () => {
    const r = computeStatus(UP, [obs(80, 50), obs(90, 95)], day(101));
    expect(r.forecast).not.toBeNull();
    expect(r.forecast ?? 0).toBeGreaterThan(100);
    expect(r.ruleId).toBe("R3");
  });

  it("down: the day after the deadline, still above the target", () => {
    const flat = [obs(80, 5), obs(90, 5)];
    expect(computeStatus(DOWN, flat, day(101)).ruleId).toBe("R3");
    expect(computeStatus(DOWN, flat, day(100)).ruleId).toBe("R5");
  });
});

describe("R4 forecast meets the target", () => {
  it("is likely when the trend reaches the target exactly at the deadline", () => {
    const r = computeStatus(UP, [obs(50, 0), obs(60, 20)], day(60));
    expect(r).toMatchObject({ status: "likely", ruleId: "R4", forecast: 100, progress: 0.2 });
    expect(r.explanationVi).toBe("Theo xu hướng, dự báo 100 vào 11/04/2023 (mục tiêu 100)");
    expect(r.explanationEn).toBe("On trend: forecast 100 by 11 Apr 2023 (target 100)");
  });

  it("is at risk when the trend falls just short and progress lags", () => {
    const r = computeStatus(UP, [obs(50, 0), obs(60, 19.99)], day(60));
    expect(r.forecast).toBeCloseTo(99.95, 9);
    expect(r.ruleId).toBe("R6");
  });

  it("down: likely when the trend falls to the target, at risk just above", () => {
    expect(computeStatus(DOWN, [obs(50, 100), obs(60, 80)], day(60))).toMatchObject({
      ruleId: "R4",
      forecast: 0,
    });
    expect(computeStatus(DOWN, [obs(50, 100), obs(60, 80.01)], day(60)).ruleId).toBe("R6");
  });

  it("fits the last trendWindow observations only", () => {
    // Early collapse, then a steady climb of 2 a day: the default window of 6 sees only the climb.
    const series = [
      obs(5, 90),
      obs(10, 0),
      ...[40, 42, 44, 46, 48, 50].map((d) => obs(d, (d - 40) * 2 + 20)),
    ];
    const r = computeStatus(UP, series, day(50));
    expect(r.forecast).toBeCloseTo(140, 9);
    expect(r.ruleId).toBe("R4");
    const wide = computeStatus(UP, series, day(50), { trendWindow: 8 });
    expect(wide.forecast).not.toBeCloseTo(140, 3);
  });

  it("a falling series is not rescued by its early values", () => {
    const r = computeStatus(UP, [obs(20, 30), obs(40, 25), obs(60, 20)], day(60));
    expect(r.forecast).toBeCloseTo(10, 9);
    expect(r.ruleId).toBe("R6");
  });
});

describe("R5 on pace", () => {
  // Day 60 of 100: expected progress 0.6, so on pace from 0.9 × 0.6 = 0.54. A single
  // observation's forecast (0 → 54 in 60 days gives 90 at day 100) cannot fire R4 first.
  it("is likely with progress exactly 0.9 × expected", () => {
    const r = computeStatus(UP, [obs(60, 54)], day(60));
    expect(r).toMatchObject({ status: "likely", ruleId: "R5", progress: 0.54, expectedProgress: 0.6 });
    expect(r.forecast).toBeCloseTo(90, 9);
    expect(r.explanationVi).toBe("Đúng tiến độ: đạt 54% chặng đường, thời gian đã qua 60%");
    expect(r.explanationEn).toBe("On pace: 54% of the way done, 60% of the time elapsed");
  });

  it("is at risk just below 0.9 × expected", () => {
    const r = computeStatus(UP, [obs(60, 53.99)], day(60));
    expect(r).toMatchObject({ status: "at_risk", ruleId: "R6" });
  });

  it("follows the tolerance option", () => {
    expect(computeStatus(UP, [obs(60, 54)], day(60), { tolerance: 1 }).ruleId).toBe("R6");
    expect(computeStatus(UP, [obs(50, 60), obs(60, 60)], day(60), { tolerance: 1 }).ruleId).toBe("R5");
    expect(computeStatus(UP, [obs(60, 30)], day(60), { tolerance: 0.5 }).ruleId).toBe("R5");
  });

  it("down: exactly 0.9 × expected is on pace, a hair above is not", () => {
    expect(computeStatus(DOWN, [obs(60, 46)], day(60))).toMatchObject({ ruleId: "R5", progress: 0.54 });
    expect(computeStatus(DOWN, [obs(60, 46.01)], day(60)).ruleId).toBe("R6");
  });

  it("before the baseline date nothing is expected yet", () => {
    const spec: IndicatorSpec = { ...UP, baselineDate: day(10), deadline: day(110) };
    const r = computeStatus(spec, [obs(5, 0)], day(5));
    expect(r).toMatchObject({ expectedProgress: 0, ruleId: "R5" });
  });
});

describe("R6 behind", () => {
  it("reports progress, forecast and the pace needed", () => {
    const r = computeStatus(UP, [obs(60, 30)], day(60));
    expect(r).toMatchObject({ status: "at_risk", ruleId: "R6", progress: 0.3 });
    expect(r.forecast).toBeCloseTo(50, 9);
    // 70 to go in 40 days.
    expect(r.requiredPace).toBeCloseTo((70 / 40) * (365.2425 / 12), 9);
    expect(r.explanationVi).toBe(
      "Chậm tiến độ: đạt 30% chặng đường, thời gian đã qua 60%; dự báo 50 vào 11/04/2023; cần tăng 53,26 mỗi tháng",
    );
    expect(r.explanationEn).toBe(
      "Behind: 30% of the way done, 60% of the time elapsed; forecast 50 by 11 Apr 2023; needs 53.26 more per month",
    );
  });

  it("down: the pace needed is a decrease", () => {
    const spec: IndicatorSpec = { ...DOWN, kind: "percent", baseline: 10, target: 1 };
    const r = computeStatus(spec, [obs(60, 9)], day(60));
    expect(r.ruleId).toBe("R6");
    expect(r.requiredPace ?? 0).toBeLessThan(0);
    expect(r.explanationVi).toContain("cần giảm 6,09 điểm % mỗi tháng");
    expect(r.explanationEn).toContain("needs 6.09 percentage points less per month");
  });
});

describe("awkward data", () => {
  it("ignores null values and takes the latest real one", () => {
    const r = computeStatus(UP, [obs(30, 40), obs(60, null)], day(60));
    expect(r).toMatchObject({ current: 40, currentDate: day(30), currentPeriod: "20230131" });
  });

  it("a flat series forecasts its own level", () => {
    const spec: IndicatorSpec = { ...UP, baseline: 30 };
    const r = computeStatus(spec, [obs(20, 30), obs(40, 30), obs(60, 30)], day(60));
    expect(r).toMatchObject({ ruleId: "R6", progress: 0, forecast: 30 });
  });

  it("a single observation projects from the baseline through it", () => {
    const r = computeStatus(UP, [obs(50, 40)], day(60));
    expect(r.forecast).toBeCloseTo(80, 9);
  });

  it("a single observation without a baseline has no forecast; it stands in for the baseline", () => {
    const r = computeStatus({ ...UP, baseline: null }, [obs(50, 40)], day(60));
    expect(r).toMatchObject({ baseline: 40, progress: 0, forecast: null, ruleId: "R6" });
    expectFiniteEvidence(r);
  });

  it("without a baseline, progress runs from the first observation", () => {
    const r = computeStatus({ ...UP, baseline: null }, [obs(10, 20), obs(60, 60)], day(60));
    expect(r.baseline).toBe(20);
    expect(r.progress).toBe(0.5);
  });

  it("a single observation on the baseline date gives no forecast", () => {
    const r = computeStatus(UP, [obs(0, 10)], day(0));
    expect(r.forecast).toBeNull();
    expect(r).toMatchObject({ expectedProgress: 0, ruleId: "R5" });
  });

  it("target equal to baseline: met is done, slipping is at risk, and nothing is NaN", () => {
    const spec: IndicatorSpec = { ...UP, baseline: 50, target: 50 };
    expect(computeStatus(spec, [obs(60, 50)], day(60))).toMatchObject({ status: "done", progress: null });
    const slipped = computeStatus(spec, [obs(60, 49)], day(60));
    expect(slipped).toMatchObject({ status: "at_risk", ruleId: "R6", progress: null });
    expectFiniteEvidence(slipped);
    expect(slipped.explanationEn).toContain("progress cannot be measured");
  });

  it("a baseline already past the target gives no progress ratio", () => {
    const spec: IndicatorSpec = { ...DOWN, baseline: 0.5, target: 1 };
    expect(computeStatus(spec, [obs(60, 1.5)], day(60)).progress).toBeNull();
  });

  it("a plan whose baseline date is its deadline never divides by zero", () => {
    const spec: IndicatorSpec = { ...UP, baselineDate: day(100) };
    const before = computeStatus(spec, [obs(50, 10), obs(60, 20)], day(60));
    expect(before.expectedProgress).toBe(0);
    const on = computeStatus(spec, [obs(100, 10)], day(100));
    expect(on).toMatchObject({ expectedProgress: 1, forecast: null, requiredPace: null });
    expectFiniteEvidence(before);
    expectFiniteEvidence(on);
  });

  it("huge values overflow to null, never Infinity", () => {
    const spec: IndicatorSpec = { ...UP, baseline: -1e308, target: 1e308 };
    const r = computeStatus(spec, [obs(1, 1e308), obs(2, -1e308)], day(2));
    expectFiniteEvidence(r);
  });

  it("the same value twice on one date is one observation, named by the smaller period id", () => {
    const r = computeStatus(UP, [obs(60, 50), { period: "202303", date: day(60), value: 50 }], day(60));
    expect(r.currentPeriod).toBe("202303");
  });
});

describe("explanations", () => {
  it("are Unicode NFC, whatever the rule", () => {
    const cases = [
      computeStatus(UP, [], day(60)),
      computeStatus(UP, [obs(60, 100)], day(60)),
      computeStatus(UP, [obs(60, 30)], day(101)),
      computeStatus(UP, [obs(50, 0), obs(60, 20)], day(60)),
      computeStatus(UP, [obs(60, 54)], day(60)),
      computeStatus(UP, [obs(60, 30)], day(60)),
    ];
    expect(cases.map((r) => r.ruleId)).toEqual(["R1", "R2", "R3", "R4", "R5", "R6"]);
    for (const r of cases) expect(r.explanationVi).toBe(r.explanationVi.normalize("NFC"));
  });
});

describe("percent and unit_count", () => {
  const percent: IndicatorSpec = { ...UP, kind: "percent", baseline: 40, target: 100 };

  it("caps a percent forecast at 100%, which then meets a 100% target", () => {
    const r = computeStatus(percent, [obs(50, 70), obs(60, 90)], day(60));
    expect(r.forecast).toBe(100);
    expect(r.ruleId).toBe("R4");
  });

  it("caps a falling percent forecast at 0%", () => {
    const spec: IndicatorSpec = { ...percent, direction: "down", baseline: 50, target: 1 };
    const r = computeStatus(spec, [obs(50, 30), obs(60, 10)], day(60));
    expect(r.forecast).toBe(0);
    expect(r.ruleId).toBe("R4");
  });

  it("writes percent values with a comma in Vietnamese", () => {
    const spec: IndicatorSpec = { ...percent, target: 80 };
    const r = computeStatus(spec, [obs(60, 83.66)], day(60));
    expect(r.explanationVi).toBe("Đã đạt chỉ tiêu: 83,66% so với mục tiêu 80%");
  });

  const districts: IndicatorSpec = { ...UP, kind: "unit_count", baseline: 0, target: 12, unitTotal: 12 };

  it("12/12 districts is done, 11/12 is not", () => {
    expect(computeStatus(districts, [obs(60, 12)], day(60)).status).toBe("done");
    const r = computeStatus(districts, [obs(60, 11)], day(60));
    expect(r.status).toBe("likely");
    expect(r.progress).toBeCloseTo(11 / 12, 12);
  });

  it("caps a unit_count forecast at the number of units", () => {
    const r = computeStatus(districts, [obs(50, 6), obs(60, 11)], day(60));
    expect(r.forecast).toBe(12);
  });

  it("11/12 the day after the deadline is at risk", () => {
    expect(computeStatus(districts, [obs(60, 11)], day(101)).ruleId).toBe("R3");
  });
});

describe("milestones", () => {
  const launch: IndicatorSpec = {
    kind: "milestone",
    direction: "up",
    baseline: 0,
    baselineDate: day(0),
    target: 1,
    deadline: day(200),
  };

  it("is done once reached", () => {
    const r = computeStatus(launch, [obs(30, 0), obs(60, 1)], day(60));
    expect(r).toMatchObject({ status: "done", ruleId: "R2", forecast: null, requiredPace: null });
    expect(r.explanationVi).toBe("Đã hoàn thành");
  });

  it("far from the deadline, not yet reached is likely", () => {
    const r = computeStatus(launch, [obs(60, 0)], day(139));
    expect(r).toMatchObject({ status: "likely", ruleId: "M5", daysToDeadline: 61 });
    expect(r.explanationEn).toBe("Not reached yet, 61 days left to 20 Jul 2023");
  });

  it("exactly milestoneRiskDays before the deadline, not yet reached is at risk", () => {
    const r = computeStatus(launch, [obs(60, 0)], day(140));
    expect(r).toMatchObject({ status: "at_risk", ruleId: "M4", daysToDeadline: 60 });
    expect(r.explanationVi).toBe("Chưa hoàn thành, chỉ còn 60 ngày đến hạn 20/07/2023");
  });

  it("on the deadline day is M4, the day after is R3", () => {
    expect(computeStatus(launch, [obs(60, 0)], day(200)).ruleId).toBe("M4");
    expect(computeStatus(launch, [obs(60, 0)], day(201)).ruleId).toBe("R3");
  });

  it("follows milestoneRiskDays", () => {
    expect(computeStatus(launch, [obs(60, 0)], day(170), { milestoneRiskDays: 30 }).ruleId).toBe("M4");
    expect(computeStatus(launch, [obs(60, 0)], day(169), { milestoneRiskDays: 30 }).ruleId).toBe("M5");
  });

  it("with no report is no_data, and a milestone without baseline starts at 0", () => {
    expect(computeStatus(launch, [], day(60)).status).toBe("no_data");
    const r = computeStatus({ ...launch, baseline: null }, [obs(60, 0)], day(60));
    expect(r).toMatchObject({ baseline: 0, progress: 0 });
  });
});
