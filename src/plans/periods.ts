import {
  formatPeriod,
  type Period,
  parsePeriod,
  periodEnd,
  periodStart,
  shiftPeriod,
  tryParsePeriod,
} from "../domain/period/index.ts";
import { invalid } from "../errors/app-error.ts";
import { issues } from "./messages.ts";

/** A month of the plan's year, as the plan services read a `period` field. */
export interface PlanMonth {
  id: string;
  period: Period;
  start: string;
  end: string;
}

/** Reads a month id (202309 or 2023-09); 400 at `path` when it is not a month of `year`. */
export function planMonth(id: string, year: number, path: string): PlanMonth {
  const parsed = tryParsePeriod(id, "month");
  if (!parsed.ok) throw invalid(issues.badPeriod(path, parsed.error.messageVi, parsed.error.messageEn));
  const canonical = formatPeriod(parsed.period);
  if (parsed.period.year !== year) throw invalid(issues.periodOutsidePlan(path, canonical, year));
  return {
    id: canonical,
    period: parsed.period,
    start: periodStart(parsed.period),
    end: periodEnd(parsed.period),
  };
}

/** The month ids from `from` to `to`, both included (empty when `from` is later). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let p = parsePeriod(from, "month"); formatPeriod(p) <= to; p = shiftPeriod(p, 1)) {
    months.push(formatPeriod(p));
  }
  return months;
}

/** The month containing an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 4) + isoDate.slice(5, 7);
}

/** The end date of a month id. */
export function monthEnd(id: string): string {
  return periodEnd(parsePeriod(id, "month"));
}
