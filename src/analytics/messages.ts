import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";

/** A message in both languages. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}

/** A field issue at `path` saying `text`. */
export function issueAt(path: string, text: Text): FieldIssue {
  return fieldIssue(path, text.vi, text.en);
}

/** Shortens what the user typed so a hostile input cannot flood a message. */
function shown(input: string): string {
  return input.length > 40 ? `${input.slice(0, 40)}…` : input;
}

export const analyticsMessages = {
  badDimension: (input: string): Text => ({
    vi: `Chiều '${shown(input)}' không hợp lệ; dùng dạng dx:MÃ;MÃ, pe:KỲ;KỲ hoặc ou:MÃ;LEVEL-n`,
    en: `Invalid dimension '${shown(input)}'; use dx:CODE;CODE, pe:PERIOD;PERIOD or ou:CODE;LEVEL-n`,
  }),
  unknownDimension: (name: string): Text => ({
    vi: `Không có chiều '${shown(name)}'; các chiều: dx (dữ liệu), pe (kỳ), ou (đơn vị)`,
    en: `No dimension '${shown(name)}'; dimensions: dx (data), pe (period), ou (unit)`,
  }),
  duplicateDimension: (name: string): Text => ({
    vi: `Chiều ${name} được khai báo hai lần`,
    en: `Dimension ${name} is given twice`,
  }),
  missingDimension: (name: string): Text => ({
    vi: `Thiếu chiều ${name}: thêm dimension=${name}:… hoặc filter=${name}:…`,
    en: `Dimension ${name} is missing: add dimension=${name}:… or filter=${name}:…`,
  }),
  emptyItem: (name: string): Text => ({
    vi: `Chiều ${name} có mục trống`,
    en: `Dimension ${name} has an empty item`,
  }),
  tooManyItems: (name: string, max: number): Text => ({
    vi: `Chiều ${name} có quá nhiều mục (tối đa ${max})`,
    en: `Dimension ${name} has too many items (at most ${max})`,
  }),
  badLevel: (input: string): Text => ({
    vi: `Cấp đơn vị '${shown(input)}' không hợp lệ; dùng LEVEL-1 đến LEVEL-6`,
    en: `Invalid unit level '${shown(input)}'; use LEVEL-1 to LEVEL-6`,
  }),
  childrenWithLevel: (): Text => ({
    vi: "Đã có LEVEL-n thì không dùng CHILDREN- hoặc USER_ORGUNIT_CHILDREN trong cùng chiều ou",
    en: "With LEVEL-n, do not use CHILDREN- or USER_ORGUNIT_CHILDREN in the same ou dimension",
  }),
  dxFilterOneItem: (): Text => ({
    vi: "Bộ lọc dx chỉ nhận một chỉ số",
    en: "A dx filter takes exactly one metric",
  }),
  badDate: (input: string): Text => ({
    vi: `Ngày '${shown(input)}' không hợp lệ; dùng dạng YYYY-MM-DD`,
    en: `Invalid date '${shown(input)}'; use YYYY-MM-DD`,
  }),
  unknownMetric: (code: string): Text => ({
    vi: `Không có chỉ số mã ${shown(code)}`,
    en: `No metric with code ${shown(code)}`,
  }),
  unknownUnit: (code: string): Text => ({
    vi: `Không có đơn vị mã ${shown(code)}`,
    en: `No unit with code ${shown(code)}`,
  }),
  tooManyCells: (cells: number, max: number): Text => ({
    vi: `Yêu cầu có ${cells} ô số liệu, vượt giới hạn ${max}; hãy chọn ít chỉ số, kỳ hoặc đơn vị hơn`,
    en: `The request spans ${cells} cells, above the limit of ${max}; ask for fewer metrics, periods or units`,
  }),
} as const;

/** Column titles and dimension names shown in the response. */
export const dimensionTitles: Readonly<Record<"dx" | "pe" | "ou" | "value", Text>> = {
  dx: { vi: "Dữ liệu", en: "Data" },
  pe: { vi: "Kỳ", en: "Period" },
  ou: { vi: "Đơn vị", en: "Organisation unit" },
  value: { vi: "Giá trị", en: "Value" },
};
