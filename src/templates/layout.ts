/**
 * Where things sit in a form's Excel template (mẫu nhập liệu). The sheet is bilingual: its labels
 * are read by people, its codes (column B) and the three header cells by the upload.
 */
export const SHEET = "Báo cáo";

export const HEADER_CELLS = { form: "C2", unit: "C3", period: "C4" } as const;

/** Column letters of the metric table. */
export const COL = {
  number: "A",
  code: "B",
  name: "C",
  unit: "D",
  value: "E",
  previous: "F",
  comment: "G",
} as const;

export const TABLE_HEADER_ROW = 6;
export const FIRST_ROW = 7;

/** Written in column B above the narrative rows; each narrative row has its section code in B. */
export const NARRATIVE_MARKER = "THUYET_MINH";

export const labels = {
  form: "Biểu mẫu / Form",
  unit: "Đơn vị / Unit",
  period: "Kỳ báo cáo / Period",
  hint:
    "Nhập số liệu vào cột E (Giá trị), ghi chú vào cột G; không sửa cột B và các ô C2–C4. " +
    "Enter figures in column E (Value) and notes in column G; do not change column B or cells C2–C4.",
  columns: [
    "STT / No.",
    "Mã / Code",
    "Chỉ số / Metric",
    "Đơn vị tính / Unit",
    "Giá trị / Value",
    "Kỳ trước / Last period",
    "Ghi chú / Note",
  ],
  narrative: "Thuyết minh / Narrative",
  yes: "Có",
  no: "Không",
} as const;
