import { PeriodError } from "./errors.ts";
import { periodMessages } from "./messages.ts";

/** A calendar day. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Việt Nam keeps UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a strict `YYYY-MM-DD` date (years 1000–9999); throws PeriodError INVALID_DATE. */
export function parseIsoDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  const [, y = "", m = "", d = ""] = match ?? [];
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  if (match === null || !isRealDate(date)) {
    throw new PeriodError("INVALID_DATE", periodMessages.invalidDate(String(text)));
  }
  return date;
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  return isRealDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** The ISO date `days` days after `isoDate` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const result = fromEpochDay(Date.UTC(year, month - 1, day) / DAY_MS + days);
  if (!isRealDate(result) || result.year > 9999) {
    throw new PeriodError("INVALID_DATE", periodMessages.invalidDate(`${isoDate} + ${days}`));
  }
  return formatIsoDate(result);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(parseIsoDate(to)) - epochDay(parseIsoDate(from));
}

function epochDay({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(n: number): CalendarDate {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The calendar date in Việt Nam (UTC+7) at the given instant, e.g. for deciding lateness. */
export function vietnamDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new PeriodError("INVALID_DATE", periodMessages.invalidDate("Invalid Date"));
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** ISO date of a given day in a month counted as year*12 + (month-1). */
export function dateInMonth(monthOrdinal: number, day: number | "last"): string {
  const year = Math.floor(monthOrdinal / 12);
  const month = monthOrdinal - year * 12 + 1;
  const d = day === "last" ? daysInMonth(year, month) : day;
  return formatIsoDate({ year, month, day: d });
}
