import { PeriodError } from "./errors.ts";
import { periodMessages, type Text } from "./messages.ts";
import { MAX_YEAR, MIN_YEAR, type Period, type PeriodType, periodsPerYear } from "./types.ts";

/** Accepted spellings. Canonical output is 202309, 2023Q3, 2023S2, 2023. */
const PATTERNS: readonly (readonly [RegExp, PeriodType])[] = [
  [/^(\d{4})(\d{2})$/, "month"],
  [/^(\d{4})-(\d{2})$/, "month"],
  [/^(\d{4})[Qq](\d)$/, "quarter"],
  [/^(\d{4})[Ss](\d)$/, "half_year"],
  [/^(\d{4})$/, "year"],
];

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: PeriodError };

/**
 * Reads a period id. Accepts `202309` and `2023-09` (month), `2023Q3` (quarter),
 * `2023S2` (half-year), `2023` (year); lower-case q/s and surrounding spaces are tolerated.
 * With `expected`, a period of another type is rejected.
 * Throws PeriodError (INVALID_PERIOD, YEAR_OUT_OF_RANGE, WRONG_PERIOD_TYPE).
 */
export function parsePeriod(id: string, expected?: PeriodType): Period {
  const result = tryParsePeriod(id, expected);
  if (!result.ok) throw result.error;
  return result.period;
}

/** Like parsePeriod, but returns the error instead of throwing it. */
export function tryParsePeriod(id: string, expected?: PeriodType): PeriodResult {
  const text = typeof id === "string" ? id.trim() : "";
  for (const [pattern, type] of PATTERNS) {
    const match = pattern.exec(text);
    if (match !== null) return checked(type, Number(match[1]), Number(match[2] ?? 1), id, expected);
  }
  return failure("INVALID_PERIOD", periodMessages.invalidPeriod(String(id)));
}

function checked(
  type: PeriodType,
  year: number,
  index: number,
  id: string,
  expected?: PeriodType,
): PeriodResult {
  if (index < 1 || index > periodsPerYear(type)) {
    return failure("INVALID_PERIOD", periodMessages.invalidPeriod(id));
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return failure("YEAR_OUT_OF_RANGE", periodMessages.yearOutOfRange(year, MIN_YEAR, MAX_YEAR));
  }
  const period = { type, year, index };
  if (expected !== undefined && expected !== type) {
    return failure("WRONG_PERIOD_TYPE", periodMessages.wrongType(formatPeriod(period), expected));
  }
  return { ok: true, period };
}

function failure(code: PeriodError["code"], text: Text): PeriodResult {
  return { ok: false, error: new PeriodError(code, text) };
}

/** Builds a period from its parts; throws PeriodError when they do not name one. */
export function makePeriod(type: PeriodType, year: number, index = 1): Period {
  if (!Number.isInteger(year) || !Number.isInteger(index)) {
    throw new PeriodError("INVALID_PERIOD", periodMessages.invalidPeriod(`${type} ${year} ${index}`));
  }
  const result = checked(type, year, index, `${type} ${year} ${index}`);
  if (!result.ok) throw result.error;
  return result.period;
}

/** The canonical id: 202309, 2023Q3, 2023S2, 2023. */
export function formatPeriod(p: Period): string {
  switch (p.type) {
    case "month":
      return `${p.year}${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}Q${p.index}`;
    case "half_year":
      return `${p.year}S${p.index}`;
    case "year":
      return String(p.year);
  }
}

/** The canonical id of any accepted spelling ("2023-09" -> "202309"); throws like parsePeriod. */
export function canonicalPeriodId(id: string, expected?: PeriodType): string {
  return formatPeriod(parsePeriod(id, expected));
}

export function isPeriodId(id: string): boolean {
  return tryParsePeriod(id).ok;
}
