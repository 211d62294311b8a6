/**
 * Exact decimal sums (tổng chính xác): a figure is taken as the shortest decimal that reads back
 * as the same number (what `String(x)` prints, what PostgreSQL prints for float8), and sums and
 * products of such decimals are kept exactly, as PostgreSQL's `numeric` keeps them. Adding a
 * value and later subtracting it leaves exactly zero, whatever came between.
 */
import { plainDecimal } from "./decimal.ts";

/** `units × 10^-scale`. */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Exact = { units: 0n, scale: 0 };

const TEN_POWERS: bigint[] = [1n];
function tenTo(n: number): bigint {
  for (let i = TEN_POWERS.length; i <= n; i++) TEN_POWERS.push((TEN_POWERS[i - 1] ?? 1n) * 10n);
  return TEN_POWERS[n] ?? 10n ** BigInt(n);
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Plain decimal text ("-12.50", "0", as `numeric` prints it) as an exact decimal. */
export function parseExact(text: string): Exact {
  const match = DECIMAL.exec(text);
  if (match === null) throw new RangeError(`Not a plain decimal: ${text}`);
  const [, sign = "", whole = "", fraction = ""] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/** A finite number as the exact decimal it prints as. */
export function exactOf(x: number): Exact {
  if (Number.isInteger(x) && Number.isSafeInteger(x)) return { units: BigInt(x), scale: 0 };
  return parseExact(plainDecimal(x));
}

function aligned(a: Exact, b: Exact): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * tenTo(a.scale - b.scale), a.scale];
  return [a.units * tenTo(b.scale - a.scale), b.units, b.scale];
}

/** a + sign × b, exactly. */
export function addExact(a: Exact, b: Exact, sign = 1): Exact {
  if (b.units === 0n) return a;
  const [x, y, scale] = aligned(a, b);
  return { units: sign < 0 ? x - y : x + y, scale };
}

export function mulExact(a: Exact, b: Exact): Exact {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function isZeroExact(a: Exact): boolean {
  return a.units === 0n;
}

export function equalExact(a: Exact, b: Exact): boolean {
  const [x, y] = aligned(a, b);
  return x === y;
}

/** Plain decimal text, without trailing zeros ("-0.5", "120"): `numeric` reads it exactly. */
export function exactText(a: Exact): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, "0");
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/** The nearest number (one rounding, at the end). */
export function exactToNumber(a: Exact): number {
  return a.scale === 0 ? Number(a.units) : Number(exactText(a));
}
