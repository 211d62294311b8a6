import { describe, expect, it } from "vitest";
import { scoreCriterion } from "./methods.ts";
import { valueFromMetrics } from "./metrics.ts";
import { SAMPLE_FRAMEWORK } from "./sample-framework.ts";
import { criterion } from "./test-helpers.ts";
import type { Criterion } from "./types.ts";

const byCode = (code: string) => SAMPLE_FRAMEWORK.criteria.find((c) => c.code === code) as Criterion;
const lookup = (values: Record<string, number>) => (code: string) => values[code] ?? null;

describe("valueFromMetrics", () => {
  it("fills a count from a reported metric", () => {
    const value = valueFromMetrics(byCode("1.2"), lookup({ CDS_SO_CUOC_HOP: 3 }));
    expect(value).toBe(3);
    expect(scoreCriterion(byCode("1.2"), "HUYEN", value ?? 0)).toMatchObject({ ok: true, points: 15 });
  });

  it("fills yes/no from a condition", () => {
    expect(valueFromMetrics(byCode("2.1"), lookup({ CDS_KH_NAM: 1 }))).toBe(true);
    expect(valueFromMetrics(byCode("2.1"), lookup({ CDS_KH_NAM: 0 }))).toBe(false);
  });

  it("fills a percentage computed from two metrics", () => {
    const value = valueFromMetrics(byCode("3.2"), lookup({ MAY_TINH_CBCCVC: 45, TONG_CBCCVC: 50 }));
    expect(value).toBe(90);
    expect(scoreCriterion(byCode("3.2"), "SO_DVC", value ?? 0)).toMatchObject({ ok: true, points: 20 });
  });

  it("gives null when a metric is missing or the division has no value", () => {
    expect(valueFromMetrics(byCode("3.2"), lookup({ MAY_TINH_CBCCVC: 45 }))).toBeNull();
    expect(valueFromMetrics(byCode("3.2"), lookup({ MAY_TINH_CBCCVC: 0, TONG_CBCCVC: 0 }))).toBeNull();
  });

  it("gives null without an expression, for an unparsable one, and for methods that take no single number", () => {
    expect(valueFromMetrics(byCode("1.3"), lookup({}))).toBeNull();
    expect(
      valueFromMetrics(
        criterion({ kind: "count_thresholds", thresholds: [] }, 20, { metricExpression: "#{A} +" }),
        lookup({ A: 1 }),
      ),
    ).toBeNull();
    expect(
      valueFromMetrics(criterion({ kind: "ratio" }, 20, { metricExpression: "#{A}" }), lookup({ A: 1 })),
    ).toBeNull();
  });

  it("turns a condition into 1 or 0 for a count", () => {
    const c = criterion({ kind: "count_thresholds", thresholds: [] }, 20, { metricExpression: "#{A} > 2" });
    expect(valueFromMetrics(c, lookup({ A: 3 }))).toBe(1);
    expect(valueFromMetrics(c, lookup({ A: 1 }))).toBe(0);
  });
});
