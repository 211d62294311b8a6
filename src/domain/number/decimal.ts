/**
 * Exact decimal text for binary floating-point numbers.
 *
 * Rounding works on the shortest decimal that reads back as the same number (what
 * `String(x)` prints), so 1.005 rounds to 1.01 and 2.675 to 2.68, as a person reading the
 * figure expects, and not to the binary neighbour that `toFixed` sees.
 */

const EXPONENT_FORM = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;
const MAX_DIGITS = 20;

/** The shortest round-trip decimal of a finite number, never in exponent notation. */
export function plainDecimal(x: number): string {
  assertFinite(x);
  const text = String(x);
  const match = EXPONENT_FORM.exec(text);
  if (match === null) return text;
  const [, sign = "", lead = "", fraction = "", exponent = "0"] = match;
  return sign + shiftPoint(lead + fraction, 1 + Number(exponent));
}

/** Places a decimal point after `point` digits of `digits`, padding with zeros as needed. */
function shiftPoint(digits: string, point: number): string {
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * `x` with exactly `digits` decimals, rounded half away from zero ("-83.66", "1205780.00").
 * A result that rounds to zero carries no minus sign.
 */
export function fixedDecimal(x: number, digits: number): string {
  assertDigits(digits);
  const [whole = "0", fraction = ""] = plainDecimal(Math.abs(x)).split(".");
  const kept = whole + fraction.slice(0, digits).padEnd(digits, "0");
  const roundsUp = (fraction[digits] ?? "0") >= "5";
  const rounded = roundsUp ? increment(kept) : kept;
  const text = insertPoint(rounded, digits);
  const isZero = /^[0.]*$/.test(text);
  return x < 0 && !isZero ? `-${text}` : text;
}

/** `x` rounded half away from zero to `digits` decimals (0 to 20). */
export function roundHalfAway(x: number, digits: number): number {
  return Number(fixedDecimal(x, digits));
}

function insertPoint(digitsText: string, decimals: number): string {
  if (decimals === 0) return digitsText;
  const cut = digitsText.length - decimals;
  return `${digitsText.slice(0, cut)}.${digitsText.slice(cut)}`;
}

/** Adds one to a string of decimal digits: "0999" -> "1000", "99" -> "100". */
function increment(digitsText: string): string {
  const chars = digitsText.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== "9") {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
    chars[i] = "0";
  }
  return `1${chars.join("")}`;
}

function assertFinite(x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`Expected a finite number, got ${x}`);
}

function assertDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_DIGITS) {
    throw new RangeError(`Decimal digits must be an integer from 0 to ${MAX_DIGITS}, got ${digits}`);
  }
}
