import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar.ts";
import { decree09Window, dueDate } from "./due.ts";
import { formatPeriod, parsePeriod } from "./parse.ts";
import {
  comparePeriods,
  contains,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsWithin,
  previousPeriod,
} from "./range.ts";
import { MONTHS_IN, PERIOD_TYPES, type Period, type PeriodType, periodsPerYear } from "./types.ts";

const periodType = fc.constantFrom(...PERIOD_TYPES);
const periodOfType = (type: PeriodType, minYear = 1900, maxYear = 2100) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      index: fc.integer({ min: 1, max: periodsPerYear(type) }),
    })
    .map(({ year, index }): Period => ({ type, year, index }));
const anyPeriod = periodType.chain((t) => periodOfType(t));
const innerPeriod = periodType.chain((t) => periodOfType(t, 1901, 2099));

describe("period laws", () => {
  it("parse(format(p)) = p", () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
    );
  });

  it("next(previous(p)) = p and previous(next(p)) = p", () => {
    fc.assert(
      fc.property(innerPeriod, (p) => {
        expect(nextPeriod(previousPeriod(p))).toEqual(p);
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
      }),
    );
  });

  it("the next period starts the day after this one ends", () => {
    fc.assert(
      fc.property(innerPeriod, (p) => {
        expect(periodStart(nextPeriod(p))).toBe(addDays(periodEnd(p), 1));
        expect(comparePeriods(p, nextPeriod(p))).toBeLessThan(0);
      }),
    );
  });

  it("the months of a quarter follow one another, are contained, and tile it", () => {
    fc.assert(
      fc.property(periodOfType("quarter"), (q) => {
        const months = periodsWithin(q, "month");
        expect(months).toHaveLength(3);
        expect(months.map((m) => contains(q, m))).toEqual([true, true, true]);
        expect(periodStart(months[0] as Period)).toBe(periodStart(q));
        expect(periodEnd(months[2] as Period)).toBe(periodEnd(q));
        expect(nextPeriod(months[0] as Period)).toEqual(months[1]);
        expect(nextPeriod(months[1] as Period)).toEqual(months[2]);
      }),
    );
  });

  it("sub-periods of any shorter type tile the outer period", () => {
    fc.assert(
      fc.property(anyPeriod, periodType, (outer, type) => {
        const inner = periodsWithin(outer, type);
        if (MONTHS_IN[type] > MONTHS_IN[outer.type]) {
          expect(inner).toEqual([]);
          return;
        }
        expect(inner).toHaveLength(MONTHS_IN[outer.type] / MONTHS_IN[type]);
        expect(inner.every((p) => contains(outer, p))).toBe(true);
        for (const [i, p] of inner.slice(1).entries()) {
          expect(periodStart(p)).toBe(addDays(periodEnd(inner[i] as Period), 1));
        }
      }),
    );
  });

  it("periodOf returns the period containing the date, for every day of it", () => {
    fc.assert(
      fc.property(anyPeriod, fc.integer({ min: 0, max: 365 }), (p, offset) => {
        const start = periodStart(p);
        const day = addDays(start, offset);
        if (day > periodEnd(p)) return;
        expect(periodOf(p.type, day)).toEqual(p);
      }),
    );
  });

  it("Decree 09 windows of consecutive periods meet without gap or overlap", () => {
    fc.assert(
      fc.property(innerPeriod, (p) => {
        const window = decree09Window(p);
        expect(decree09Window(nextPeriod(p)).start).toBe(addDays(window.end, 1));
        expect(window.end < periodEnd(p)).toBe(true);
        expect(dueDate(p, { kind: "decree09", days: 0 })).toBe(window.end);
      }),
    );
  });
});
