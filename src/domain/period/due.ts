import { addDays, dateInMonth, parseIsoDate } from "./calendar.ts";
import { PeriodError } from "./errors.ts";
import { periodMessages } from "./messages.ts";
import { firstMonth, lastMonth, periodEnd, periodOf, periodStart, previousPeriod } from "./range.ts";
import type { DateWindow, Period, PeriodType } from "./types.ts";

/**
 * Hạn nộp của biểu mẫu. `days_after_end`: the window is the calendar period. `decree09`:
 * the window is the data cut-off of Decree 09/2019/NĐ-CP (15th of the month before the
 * period's first month to the 14th of its last month). The due date is the window's end
 * plus `days`.
 */
export type DueRule = { kind: "days_after_end"; days: number } | { kind: "decree09"; days: number };

const MAX_DAYS = 366;

/** The days whose data the report covers. */
export function reportingWindow(p: Period, rule: DueRule): DateWindow {
  switch (rule.kind) {
    case "days_after_end":
      return { start: periodStart(p), end: periodEnd(p) };
    case "decree09":
      return decree09Window(p);
    default:
      throw new PeriodError("INVALID_DUE_RULE", periodMessages.invalidDueRule());
  }
}

/**
 * Thời gian chốt số liệu (Decree 09/2019/NĐ-CP, art. 12): month M runs 15/(M-1) to 14/M;
 * a quarter from the 15th of the month before it to the 14th of its last month;
 * half-years 15/12 (previous year) to 14/06 and 15/06 to 14/12; a year 15/12 to 14/12.
 */
export function decree09Window(p: Period): DateWindow {
  return { start: dateInMonth(firstMonth(p) - 1, 15), end: dateInMonth(lastMonth(p), 14) };
}

/** The last day a report for `p` is on time: the window's end plus the rule's days. */
export function dueDate(p: Period, rule: DueRule): string {
  checkDays(rule.days);
  return addDays(reportingWindow(p, rule).end, rule.days);
}

/**
 * The latest period of `type` whose due date under `rule` has passed on `today` (it is before
 * today): the newest period every unit's report should have reached. The next period's window
 * ends after today, so the search starts at today's period and steps back.
 */
export function latestDuePeriod(type: PeriodType, rule: DueRule, today: string): Period {
  checkDays(rule.days);
  parseIsoDate(today);
  let p = periodOf(type, today);
  while (dueDate(p, rule) >= today) p = previousPeriod(p);
  return p;
}

/**
 * The last day a report can still be edited, `lockAfterDays` after the due date;
 * null when the form never locks.
 */
export function lockDate(due: string, lockAfterDays: number | null): string | null {
  if (lockAfterDays === null) return null;
  checkDays(lockAfterDays);
  return addDays(due, lockAfterDays);
}

/** Late when submitted on a day after the due date. Both are ISO dates in Việt Nam time. */
export function isLate(submittedOn: string, due: string): boolean {
  return isAfter(submittedOn, due);
}

/** Locked from the day after the lock date; never when there is no lock date. */
export function isLocked(today: string, lock: string | null): boolean {
  return lock !== null && isAfter(today, lock);
}

function isAfter(a: string, b: string): boolean {
  parseIsoDate(a);
  parseIsoDate(b);
  return a > b;
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new PeriodError("INVALID_DAYS", periodMessages.invalidDays(days, MAX_DAYS));
  }
}
