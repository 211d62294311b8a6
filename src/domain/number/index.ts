export { fixedDecimal, plainDecimal, roundHalfAway } from "./decimal.ts";
export {
  addExact,
  type Exact,
  equalExact,
  exactOf,
  exactText,
  exactToNumber,
  isZeroExact,
  mulExact,
  parseExact,
  ZERO,
} from "./exact.ts";
