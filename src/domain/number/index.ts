export { fixedDecimal, plainDecimal, roundHalfAway } from "./decimal.ts";
