import { describe, expect, it } from "vitest";
import { exactOf } from "../domain/number/index.ts";
import { contributions, difference, effectiveValues, emptyPartial, RollupDeltas } from "./rollup-math.ts";
import { cellValue, slotStable } from "./rollup-read.ts";

const v = (metricId: number, submissionId: number, value: number | null, updatedAt = 1) => ({
  metricId,
  submissionId,
  value,
  updatedAt,
});

describe("effectiveValues", () => {
  it("keeps one value per metric: the one changed last, then the highest report id", () => {
    const values = [v(1, 10, 5, 100), v(1, 11, 7, 200), v(2, 10, 1, 100), v(2, 11, 2, 100)];
    expect(effectiveValues(values, () => true)).toEqual(
      new Map([
        [1, 7],
        [2, 2],
      ]),
    );
  });

  it("skips values of reports that do not count, empty values and non-finite ones", () => {
    const values = [v(1, 10, 5), v(1, 11, 7, 2), v(2, 10, null), v(3, 10, Number.NaN)];
    expect(effectiveValues(values, (id) => id === 10)).toEqual(new Map([[1, 5]]));
  });
});

describe("contributions", () => {
  const weights = new Map([[1, 2]]);

  it("adds Σv·w and Σw when the weight is stored for the same unit and period", () => {
    const c = contributions(
      new Map([
        [1, 80],
        [2, 1000],
      ]),
      weights,
    );
    expect(c.get(1)).toEqual({
      ...emptyPartial(),
      valueSum: exactOf(80),
      valueCount: 1,
      weightedSum: exactOf(80_000),
      weightSum: exactOf(1000),
      weightedCount: 1,
    });
    expect(c.get(2)).toEqual({ ...emptyPartial(), valueSum: exactOf(1000), valueCount: 1 });
  });

  it("counts a value without weight for the plain mean only", () => {
    expect(contributions(new Map([[1, 80]]), weights).get(1)).toEqual({
      ...emptyPartial(),
      valueSum: exactOf(80),
      valueCount: 1,
    });
  });

  it("notes a negative weight even where the averaged metric has no value", () => {
    expect(contributions(new Map([[2, -1]]), weights).get(1)).toEqual({
      ...emptyPartial(),
      negativeWeights: 1,
    });
  });
});

describe("difference and RollupDeltas", () => {
  it("gives after − before and drops what did not change", () => {
    const before = contributions(
      new Map([
        [1, 5],
        [3, 9],
      ]),
      new Map(),
    );
    const after = contributions(
      new Map([
        [1, 7],
        [3, 9],
      ]),
      new Map(),
    );
    const d = difference(before, after);
    expect([...d.keys()]).toEqual([1]);
    expect(d.get(1)).toMatchObject({ valueSum: exactOf(2), valueCount: 0 });
  });

  it("sums per row and lists rows in key order, leaving out rows that net to nothing", () => {
    const deltas = new RollupDeltas();
    const key = (metricId: number, unitId: number, period: string) => ({
      metricId,
      unitId,
      period,
      periodStart: `${period.slice(0, 4)}-${period.slice(4)}-01`,
      periodEnd: `${period.slice(0, 4)}-${period.slice(4)}-28`,
    });
    const one = { ...emptyPartial(), valueSum: exactOf(1), valueCount: 1 };
    deltas.add(key(2, 1, "202309"), one);
    deltas.add(key(1, 5, "202309"), one);
    deltas.add(key(1, 5, "202308"), one);
    deltas.add(key(1, 2, "202309"), one);
    deltas.add(key(1, 2, "202309"), one, -1);
    expect(deltas.sorted().map((r) => `${r.key.metricId}|${r.key.unitId}|${r.key.period}`)).toEqual([
      "1|5|202308",
      "1|5|202309",
      "2|1|202309",
    ]);
  });
});

describe("exact sums", () => {
  it("leave nothing once every value added is taken out again, in another order", () => {
    const deltas = new RollupDeltas();
    const key = {
      metricId: 1,
      unitId: 2,
      period: "202309",
      periodStart: "2023-09-01",
      periodEnd: "2023-09-30",
    };
    const part = (v: number) => contributions(new Map([[1, v]]), new Map()).get(1) ?? emptyPartial();
    for (const v of [0.1, 0.2, 0.7]) deltas.add(key, part(v));
    for (const v of [0.2, 0.1]) deltas.add(key, part(v), -1);
    expect(deltas.sorted().map((r) => r.partial)).toEqual([
      { ...emptyPartial(), valueSum: exactOf(0.7), valueCount: 1 },
    ]);
    deltas.add(key, part(0.7), -1);
    // Float sums leave 0.1 + 0.2 + 0.7 − 0.2 − 0.1 − 0.7 = 1.1e-16 here, and a row that never empties.
    expect(deltas.sorted()).toEqual([]);
  });
});

describe("cellValue: the engine's rules on pre-aggregated columns", () => {
  const p = {
    valueSum: exactOf(130),
    valueCount: 2,
    weightedSum: exactOf(230_000),
    weightSum: exactOf(4000),
    weightedCount: 2,
    negativeWeights: 0,
  };
  it.each([
    ["sum", null, 130],
    ["last", null, 130],
    ["average", null, 65],
    ["average", 9, 57.5],
  ] as const)("%s (weight %s) gives %s", (aggregation, weightMetricId, expected) => {
    expect(cellValue({ aggregation, weightMetricId }, p)).toBe(expected);
  });

  it("gives no value for no values, no weights, a zero or a negative weight", () => {
    expect(cellValue({ aggregation: "sum", weightMetricId: null }, emptyPartial())).toBeNull();
    expect(cellValue({ aggregation: "average", weightMetricId: 9 }, { ...p, weightedCount: 0 })).toBeNull();
    expect(
      cellValue({ aggregation: "average", weightMetricId: 9 }, { ...p, weightSum: exactOf(0) }),
    ).toBeNull();
    expect(cellValue({ aggregation: "average", weightMetricId: 9 }, { ...p, negativeWeights: 1 })).toBeNull();
  });
});

describe("slotStable: roll-ups follow the tree of each stored period's end", () => {
  const year = { ranges: [{ start: "2023-01-01", end: "2023-12-31" }] };
  it("holds when the tree does not change between the stored periods and the tree date", () => {
    expect(slotStable(year, "2023-12-31", ["2020-01-01", "2025-07-01"])).toBe(true);
  });

  it("fails when a unit moved inside the period or before an asOf date after it", () => {
    expect(slotStable(year, "2023-12-31", ["2023-08-15"])).toBe(false);
    expect(slotStable(year, "2026-01-01", ["2025-07-01"])).toBe(false);
    expect(
      slotStable({ ranges: [{ start: "2023-09-01", end: "2023-09-30" }] }, "2023-09-30", ["2023-09-01"]),
    ).toBe(true);
  });
});
