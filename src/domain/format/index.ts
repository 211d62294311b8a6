export { formatDateEn, formatDateVi, formatLongDateEn, formatLongDateVi } from "./date.ts";
export {
  formatCountEn,
  formatCountVi,
  formatNumber,
  formatNumberEn,
  formatNumberVi,
  formatPercentEn,
  formatPercentVi,
  type Lang,
} from "./number.ts";
export { nfc } from "./text.ts";
export {
  distinctUnitNames,
  englishKindPlural,
  englishUnitName,
  type NamedUnit,
  shortParentName,
  withoutTypeWord,
} from "./unit-name.ts";
export { type FormatValueOptions, formatValue, type ValueType } from "./value.ts";
