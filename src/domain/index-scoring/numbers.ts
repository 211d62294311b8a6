import { formatNumberEn, formatNumberVi } from "../format/index.ts";
import { plainDecimal } from "../number/index.ts";

/** Decimals a number needs to print in full (at most 20, the formatter's limit). */
function decimalsOf(x: number): number {
  const fraction = plainDecimal(x).split(".")[1] ?? "";
  return Math.min(fraction.length, 20);
}

/** A number in a Vietnamese message, in full: 1.205,5. Non-finite input is printed as given. */
export function numVi(x: number): string {
  return Number.isFinite(x) ? formatNumberVi(x, decimalsOf(x)) : String(x);
}

/** A number in an English message, in full: 1,205.5. */
export function numEn(x: number): string {
  return Number.isFinite(x) ? formatNumberEn(x, decimalsOf(x)) : String(x);
}

/** Any value as quoted in a message: numbers formatted, the rest as JSON (or its type). */
export function quote(value: unknown, lang: "vi" | "en"): string {
  if (typeof value === "number") return lang === "vi" ? numVi(value) : numEn(value);
  if (typeof value === "string") return `'${value}'`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
