import ExcelJS from "exceljs";
import { nfc } from "../domain/format/index.ts";
import { COL, FIRST_ROW, HEADER_CELLS, labels, NARRATIVE_MARKER, SHEET } from "./layout.ts";

/** A problem with one cell of an uploaded template. */
export interface CellIssue {
  cell: string;
  metric: string | null;
  message: string;
  message_en: string;
}

export interface ReadTemplate {
  header: { form: string; unit: string; period: string };
  /** Every metric row, in sheet order, with the cell its value was read from. */
  values: { metric: string; value: number | boolean | string | null; comment: string | null; cell: string }[];
  narrative: Record<string, string | null>;
  issues: CellIssue[];
}

/** How far down the sheet rows are read: a form has at most a few hundred metrics. */
const MAX_ROWS = 2000;

type Raw = number | boolean | string | null;

/** A cell as a plain value: formulas by their result, rich text as its text, dates refused as text. */
function plainValue(v: ExcelJS.CellValue | undefined): Raw | Date {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return plainValue(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return null;
  }
  return v;
}

const plain = (cell: ExcelJS.Cell): Raw | Date => plainValue(cell.value);

const VN_NUMBER = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const VN_DECIMAL = /^-?\d+,\d+$/;

/**
 * A typed string read the way a Vietnamese user writes it: "1.205.780" and "47,54" are numbers;
 * "Có"/"Không" are yes and no. Anything else goes to the form's own check unchanged.
 */
function typed(raw: Raw | Date): Raw {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw !== "string") return raw;
  const text = nfc(raw.trim());
  if (VN_NUMBER.test(text)) return Number(text.replace(/\./g, "").replace(",", "."));
  if (VN_DECIMAL.test(text)) return Number(text.replace(",", "."));
  const folded = text.toLowerCase();
  if (folded === labels.yes.toLowerCase() || folded === "yes") return true;
  if (folded === labels.no.toLowerCase() || folded === "no") return false;
  return text;
}

const text = (cell: ExcelJS.Cell): string => {
  const v = plain(cell);
  return v === null ? "" : nfc(String(v instanceof Date ? v.toISOString() : v).trim());
};

/**
 * Reads a filled template: the header cells, each metric row (its code in B, its value in E and
 * note in G) and the narrative rows below the marker. Unknown or repeated codes are issues at
 * their cell; values are checked later by the form's own rules.
 */
export async function readTemplate(
  bytes: Buffer,
  metricCodes: ReadonlySet<string>,
  sectionCodes: ReadonlySet<string>,
): Promise<ReadTemplate> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(SHEET) ?? book.worksheets[0];
  const out: ReadTemplate = {
    header: { form: "", unit: "", period: "" },
    values: [],
    narrative: {},
    issues: [],
  };
  if (!sheet) return out;
  out.header = {
    form: text(sheet.getCell(HEADER_CELLS.form)),
    unit: text(sheet.getCell(HEADER_CELLS.unit)),
    period: text(sheet.getCell(HEADER_CELLS.period)),
  };
  const seen = new Set<string>();
  let inNarrative = false;
  const last = Math.min(sheet.rowCount, MAX_ROWS);
  for (let row = FIRST_ROW; row <= last; row++) {
    const code = text(sheet.getCell(`${COL.code}${row}`));
    if (code === "") continue;
    if (code === NARRATIVE_MARKER) {
      inNarrative = true;
      continue;
    }
    const known = inNarrative ? sectionCodes.has(code) : metricCodes.has(code);
    if (!known || seen.has(code)) {
      out.issues.push(codeIssue(`${COL.code}${row}`, code, known));
      continue;
    }
    seen.add(code);
    if (inNarrative) {
      out.narrative[code] = text(sheet.getCell(`${COL.value}${row}`)) || null;
      continue;
    }
    const cell = `${COL.value}${row}`;
    const comment = text(sheet.getCell(`${COL.comment}${row}`));
    out.values.push({
      metric: code,
      value: typed(plain(sheet.getCell(cell))),
      comment: comment || null,
      cell,
    });
  }
  return out;
}

function codeIssue(cell: string, code: string, known: boolean): CellIssue {
  return known
    ? { cell, metric: code, message: `Mã ${code} bị lặp lại`, message_en: `Code ${code} appears twice` }
    : {
        cell,
        metric: null,
        message: `Mã ${code} không có trong biểu mẫu`,
        message_en: `Code ${code} is not in the form`,
      };
}
