import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPeriod, type Period, parsePeriod, periodStart, periodsWithin } from "../period/index.ts";
import { aggregate } from "./aggregate.ts";
import type { RecordAggregation, ValueRecord } from "./types.ts";

const YEAR = parsePeriod("2023");
const MONTHS = periodsWithin(YEAR, "month");
const TYPES: RecordAggregation[] = ["sum", "last", "average", "none"];

function record(unitId: number, period: Period, value: number): ValueRecord {
  return { unitId, period: formatPeriod(period), periodStart: periodStart(period), value };
}

/** Monthly records of up to 5 units in 2023, at most one per unit and month. */
function monthly(value: fc.Arbitrary<number>) {
  return fc
    .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 11 })), {
      selector: ([unit, month]) => `${unit}|${month}`,
      maxLength: 40,
    })
    .chain((keys) =>
      fc
        .array(value, { minLength: keys.length, maxLength: keys.length })
        .map((values) =>
          keys.map(([unit, month], i) => record(unit, MONTHS[month] as Period, values[i] ?? 0)),
        ),
    );
}

const counts = monthly(fc.integer({ min: -1_000_000, max: 1_000_000 }));
const reals = monthly(fc.double({ min: -1e6, max: 1e6, noNaN: true }));

describe("aggregation laws", () => {
  it("sum: months to quarters, then quarters to the year, equals months to the year", () => {
    fc.assert(
      fc.property(counts, (records) => {
        const quarterly = periodsWithin(YEAR, "quarter").flatMap((q) => {
          const total = aggregate("sum", records, { within: q });
          return total === null ? [] : [record(0, q, total)];
        });
        expect(aggregate("sum", quarterly, { within: YEAR })).toBe(
          aggregate("sum", records, { within: YEAR }),
        );
      }),
    );
  });

  it("sum over real values agrees across levels up to rounding", () => {
    fc.assert(
      fc.property(reals, (records) => {
        const byQuarter = periodsWithin(YEAR, "quarter").map(
          (q) => aggregate("sum", records, { within: q }) ?? 0,
        );
        const direct = aggregate("sum", records, { within: YEAR }) ?? 0;
        expect(byQuarter.reduce((a, b) => a + b, 0)).toBeCloseTo(direct, 3);
      }),
    );
  });

  it("last: the year's value equals the last of each unit's quarterly last values", () => {
    fc.assert(
      fc.property(counts, (records) => {
        const perUnitQuarterly = [1, 2, 3, 4, 5].flatMap((unit) =>
          periodsWithin(YEAR, "quarter").flatMap((q) => {
            const v = aggregate(
              "last",
              records.filter((r) => r.unitId === unit),
              { within: q },
            );
            return v === null ? [] : [record(unit, q, v)];
          }),
        );
        expect(aggregate("last", perUnitQuarterly)).toBe(aggregate("last", records, { within: YEAR }));
      }),
    );
  });

  it("every type gives the same result, to the last bit, for any order of the input", () => {
    fc.assert(
      fc.property(
        reals.chain((records) =>
          fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })),
        ),
        fc.constantFrom(...TYPES),
        ([records, shuffled], type) => {
          expect(Object.is(aggregate(type, shuffled), aggregate(type, records))).toBe(true);
          expect(
            Object.is(
              aggregate(type, shuffled, { within: YEAR }),
              aggregate(type, records, { within: YEAR }),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it("weighted average does not depend on the order of values or weights", () => {
    fc.assert(
      fc.property(
        reals,
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.nat(),
        (records, ws, seed) => {
          const weights = records.map((r, i) => ({ ...r, value: ws[i] ?? 1 }));
          const rotate = <T>(xs: T[]) => xs.map((_, i) => xs[(i + seed) % xs.length] as T).reverse();
          const expected = aggregate("average", records, { weights });
          expect(
            Object.is(aggregate("average", rotate(records), { weights: rotate(weights) }), expected),
          ).toBe(true);
        },
      ),
    );
  });

  it("average of identical values is that value, weighted or not", () => {
    fc.assert(
      fc.property(
        monthly(fc.constant(0)).filter((rs) => rs.length > 0),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        (shape, v, w) => {
          const records = shape.map((r) => ({ ...r, value: v }));
          const weights = shape.map((r) => ({ ...r, value: w }));
          expect(aggregate("average", records)).toBe(v);
          expect(aggregate("average", records, { weights })).toBeCloseTo(v, 6);
        },
      ),
    );
  });

  it("average lies between the smallest and largest value", () => {
    fc.assert(
      fc.property(
        reals.filter((rs) => rs.length > 0),
        (records) => {
          const values = records.map((r) => r.value);
          const avg = aggregate("average", records) ?? Number.NaN;
          expect(avg).toBeGreaterThanOrEqual(Math.min(...values) - 1e-6);
          expect(avg).toBeLessThanOrEqual(Math.max(...values) + 1e-6);
        },
      ),
    );
  });

  it("sum of a set with one unit's records split off equals the two sums added", () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 5 }), (records, unit) => {
        const mine = records.filter((r) => r.unitId === unit);
        const rest = records.filter((r) => r.unitId !== unit);
        const parts = (aggregate("sum", mine) ?? 0) + (aggregate("sum", rest) ?? 0);
        expect(aggregate("sum", records) ?? 0).toBe(parts);
      }),
    );
  });
});
