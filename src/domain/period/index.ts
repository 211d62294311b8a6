export {
  addDays,
  type CalendarDate,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  vietnamDate,
} from "./calendar.ts";
export {
  type DueRule,
  decree09Window,
  dueDate,
  isLate,
  isLocked,
  latestDuePeriod,
  lockDate,
  reportingWindow,
} from "./due.ts";
export { PeriodError, type PeriodErrorCode } from "./errors.ts";
export { labelEn, labelVi } from "./label.ts";
export { periodTypeName, type Text } from "./messages.ts";
export {
  canonicalPeriodId,
  formatPeriod,
  isPeriodId,
  makePeriod,
  type PeriodResult,
  parsePeriod,
  tryParsePeriod,
} from "./parse.ts";
export {
  comparePeriods,
  contains,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
  periodsWithin,
  previousPeriod,
  samePeriod,
  samePeriodLastYear,
  shiftPeriod,
} from "./range.ts";
export {
  type DateWindow,
  isPeriodType,
  MAX_YEAR,
  MIN_YEAR,
  MONTHS_IN,
  PERIOD_TYPES,
  type Period,
  type PeriodType,
} from "./types.ts";
