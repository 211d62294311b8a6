/**
 * Official unit codes are reused across time (mã đơn vị hành chính): from 01/07/2025 every new
 * commune of Đồng Tháp carries the code of one of its predecessors. A code therefore names a unit
 * only together with a date. These rules, without I/O, pick the unit a code means on a date and
 * check that two units holding one code never exist on the same day.
 */
import { formatDateVi } from "../format/index.ts";
import { type PeriodType, periodEnd, type Text, tryParsePeriod } from "../period/index.ts";

/** What a code resolution needs of a stored unit. */
export interface CodedUnit {
  code: string;
  validFrom: string;
  /** Exclusive end: the first day the unit no longer exists; null while it exists. */
  validTo: string | null;
}

/** Whether the unit exists on `date` (YYYY-MM-DD). */
export function validOn(unit: CodedUnit, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

/** Whether two validity intervals [from, to) share a day. */
export function overlaps(a: Omit<CodedUnit, "code">, b: Omit<CodedUnit, "code">): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

export type CodePick<U> = { unit: U | undefined } | { ambiguous: U[] };

/**
 * The unit a code means on `on`. A code held by one unit only means that unit whatever the date
 * (the caller's own checks say whether the unit may be used then). A code held by several units
 * over time means the one existing on `on`; without a date, or when none exists on it, the code
 * is ambiguous and the caller answers 400 rather than guess.
 */
export function pickUnit<U extends CodedUnit>(
  candidates: readonly U[],
  on: string | null | undefined,
): CodePick<U> {
  if (candidates.length <= 1) return { unit: candidates[0] };
  const unit = on ? candidates.find((u) => validOn(u, on)) : undefined;
  if (unit) return { unit };
  return { ambiguous: [...candidates].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)) };
}

/**
 * The day on which a code in a value, a report or a template is read: the last day of its period
 * (the unit holding the code when the period closes; a unit closed before that day is named by a
 * period that ends while it exists). Null when the period does not parse (its own check says so).
 */
export function codeDayOfPeriod(periodId: string, type?: PeriodType): string | null {
  const parsed = tryParsePeriod(periodId, type);
  return parsed.ok ? periodEnd(parsed.period) : null;
}

const span = (u: CodedUnit, vi: boolean) =>
  `${vi ? formatDateVi(u.validFrom) : u.validFrom}–${u.validTo ? (vi ? formatDateVi(u.validTo) : u.validTo) : ""}`;

export const unitCodeMessages = {
  ambiguous: (code: string, on: string | null | undefined, units: readonly CodedUnit[]): Text => ({
    vi:
      `Mã đơn vị ${code} đã dùng cho ${units.length} đơn vị qua các thời kỳ (${units.map((u) => span(u, true)).join("; ")})` +
      (on ? `, không đơn vị nào tồn tại ngày ${formatDateVi(on)}` : ": hãy nêu ngày (on=YYYY-MM-DD) hoặc kỳ"),
    en:
      `Unit code ${code} was held by ${units.length} units over time (${units.map((u) => span(u, false)).join("; ")})` +
      (on ? `, none of them existed on ${on}` : ": give a date (on=YYYY-MM-DD) or a period"),
  }),
  overlap: (code: string, other: CodedUnit): Text => ({
    vi: `Mã ${code} đang dùng cho một đơn vị khác trong thời kỳ ${span(other, true)}`,
    en: `Code ${code} is held by another unit over ${span(other, false)}`,
  }),
};
