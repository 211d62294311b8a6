import { dateInMonth, parseIsoDate } from "./calendar.ts";
import { PeriodError } from "./errors.ts";
import { periodMessages } from "./messages.ts";
import { formatPeriod, makePeriod } from "./parse.ts";
import { MONTHS_IN, type Period, type PeriodType, periodsPerYear } from "./types.ts";

/** Months counted from year 0: year*12 + (month-1). */
export function firstMonth(p: Period): number {
  return p.year * 12 + (p.index - 1) * MONTHS_IN[p.type];
}

export function lastMonth(p: Period): number {
  return firstMonth(p) + MONTHS_IN[p.type] - 1;
}

/** First day of the period, `YYYY-MM-DD`. */
export function periodStart(p: Period): string {
  return dateInMonth(firstMonth(p), 1);
}

/** Last day of the period (inclusive), `YYYY-MM-DD`. */
export function periodEnd(p: Period): string {
  return dateInMonth(lastMonth(p), "last");
}

/** True when every day of `inner` lies in `outer` (a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  return firstMonth(outer) <= firstMonth(inner) && lastMonth(inner) <= lastMonth(outer);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.type === b.type && a.year === b.year && a.index === b.index;
}

/** The periods of `type` that lie inside `outer`, in time order; empty when `type` is longer. */
export function periodsWithin(outer: Period, type: PeriodType): Period[] {
  const size = MONTHS_IN[type];
  if (size > MONTHS_IN[outer.type]) return [];
  const result: Period[] = [];
  for (let m = firstMonth(outer); m <= lastMonth(outer); m += size) result.push(periodAtMonth(type, m));
  return result;
}

/** The period of `type` that contains the ISO date. */
export function periodOf(type: PeriodType, isoDate: string): Period {
  const { year, month } = parseIsoDate(isoDate);
  return periodAtMonth(type, year * 12 + month - 1);
}

function periodAtMonth(type: PeriodType, monthOrdinal: number): Period {
  const year = Math.floor(monthOrdinal / 12);
  const index = Math.floor((monthOrdinal - year * 12) / MONTHS_IN[type]) + 1;
  return makePeriod(type, year, index);
}

/** The period `steps` periods after `p` (before, when negative). */
export function shiftPeriod(p: Period, steps: number): Period {
  const perYear = periodsPerYear(p.type);
  const ordinal = p.year * perYear + p.index - 1 + steps;
  const year = Math.floor(ordinal / perYear);
  return makePeriod(p.type, year, ordinal - year * perYear + 1);
}

export function nextPeriod(p: Period): Period {
  return shiftPeriod(p, 1);
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/** The same period one year earlier (2023Q3 -> 2022Q3), for year-on-year comparison. */
export function samePeriodLastYear(p: Period): Period {
  return makePeriod(p.type, p.year - 1, p.index);
}

/** Every period from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  if (from.type !== to.type) {
    throw new PeriodError(
      "MIXED_PERIOD_TYPES",
      periodMessages.mixedTypes(formatPeriod(from), formatPeriod(to)),
    );
  }
  const result: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = nextPeriod(p)) {
    result.push(p);
    if (samePeriod(p, to)) break;
  }
  return result;
}

/** Orders by start, then the shorter period first; 0 only for the same period. */
export function comparePeriods(a: Period, b: Period): number {
  return firstMonth(a) - firstMonth(b) || MONTHS_IN[a.type] - MONTHS_IN[b.type];
}
