import { describe, expect, it } from "vitest";
import { computeCells } from "./engine.ts";
import { buildPlan, planBasis } from "./plan.ts";
import type { MetricRow, StoredValue } from "./queries.ts";
import { parseAnalyticsRequest } from "./request.ts";
import { flatTree } from "./synthetic.test-helper.ts";

const metric = (id: number, code: string, formula: string | null = null): MetricRow => ({
  id,
  code,
  nameVi: code,
  nameEn: null,
  aggregation: formula === null ? "sum" : "formula",
  formula,
  weightMetricId: null,
});

// Formulas the metrics service refuses to store, met here only if data was loaded around it.
const metrics = [
  metric(1, "A"),
  metric(2, "SELF", "#{SELF} + 1"),
  metric(3, "DOUBLE", "#{A} * 2"),
  metric(4, "GHOST", "#{A} / #{MISSING}"),
  metric(5, "BAD", "#{A} +"),
];

const value = (unitId: number, v: number): StoredValue => ({
  metricId: 1,
  unitId,
  period: "202301",
  periodStart: "2023-01-01",
  periodEnd: "2023-01-31",
  value: v,
});

describe("computeCells", () => {
  it("gives no value for a formula that reaches itself, names an unknown metric, or does not parse", () => {
    const query = parseAnalyticsRequest({ dimension: ["dx:A;SELF;DOUBLE;GHOST;BAD", "pe:202301", "ou:P"] });
    const plan = buildPlan(query, { basis: planBasis({ metrics, ...flatTree(2) }), scopeRoots: [1] });
    expect(computeCells(plan, [value(2, 3), value(3, 4)])).toEqual([
      { dx: 0, pe: 0, ou: 0, value: 7 },
      { dx: 2, pe: 0, ou: 0, value: 14 },
    ]);
  });
});
