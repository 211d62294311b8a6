import { fixedDecimal } from "../number/index.ts";

/** Separators of each language: Vietnamese writes 1.205.780 and 83,66; English 1,205,780 and 83.66. */
const SEPARATORS = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
} as const;

export type Lang = keyof typeof SEPARATORS;

/**
 * A number with `digits` decimals (default 0), rounded half away from zero, grouped by
 * thousands. Digits are never trimmed: formatNumberVi(45.8, 2) is "45,80".
 * Throws RangeError for NaN, infinities, or digits outside 0–20.
 */
export function formatNumber(value: number, digits: number, lang: Lang): string {
  const text = fixedDecimal(value, digits);
  const negative = text.startsWith("-");
  const [whole = "", fraction] = (negative ? text.slice(1) : text).split(".");
  const { group, decimal } = SEPARATORS[lang];
  const grouped = groupThousands(whole, group);
  return (negative ? "-" : "") + (fraction === undefined ? grouped : grouped + decimal + fraction);
}

function groupThousands(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

/** "1.205.780"; with digits, "83,66". */
export function formatNumberVi(value: number, digits = 0): string {
  return formatNumber(value, digits, "vi");
}

/** "1,205,780"; with digits, "83.66". */
export function formatNumberEn(value: number, digits = 0): string {
  return formatNumber(value, digits, "en");
}

/** A value already in percent: formatPercentVi(47.54) is "47,54%", formatPercentVi(45.8, 1) "45,8%". */
export function formatPercentVi(percent: number, digits = 2): string {
  return `${formatNumberVi(percent, digits)}%`;
}

/** formatPercentEn(47.54) is "47.54%". */
export function formatPercentEn(percent: number, digits = 2): string {
  return `${formatNumberEn(percent, digits)}%`;
}

/**
 * A count in official style, padded to two digits: "01", "09", "12", "1.205"
 * (as in "01 chỉ tiêu"). Throws RangeError for negative or fractional counts.
 */
export function formatCountVi(count: number): string {
  assertCount(count);
  return count < 10 ? `0${count}` : formatNumberVi(count);
}

/** A count in English: "1", "12", "1,205". */
export function formatCountEn(count: number): string {
  assertCount(count);
  return formatNumberEn(count);
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`A count must be a whole number from 0, got ${count}`);
  }
}
