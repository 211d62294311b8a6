import ExcelJS from "exceljs";
import { COL, FIRST_ROW, HEADER_CELLS, labels, NARRATIVE_MARKER, SHEET, TABLE_HEADER_ROW } from "./layout.ts";

type Value = number | boolean | string | null;

export interface TemplateMetric {
  code: string;
  nameVi: string;
  nameEn: string | null;
  valueType: string;
  unitOfMeasure: string | null;
  minValue: number | null;
  maxValue: number | null;
  required: boolean;
  value: Value;
  comment: string | null;
  previousValue: Value;
}

export interface TemplateContent {
  form: { code: string; nameVi: string; nameEn: string | null };
  unit: { code: string; nameVi: string };
  period: { id: string; labelVi: string };
  metrics: TemplateMetric[];
  sections: { code: string; nameVi: string; nameEn: string; text: string | null }[];
}

const shown = (v: Value): ExcelJS.CellValue =>
  typeof v === "boolean" ? (v ? labels.yes : labels.no) : (v ?? null);

/** Excel's own check of a value cell, so most mistakes are caught while typing. */
function validation(m: TemplateMetric): ExcelJS.DataValidation | null {
  if (m.valueType === "boolean") {
    return { type: "list", allowBlank: true, formulae: [`"${labels.yes},${labels.no}"`] };
  }
  if (m.valueType === "text") return null;
  const percent = m.valueType === "percent";
  const min = m.minValue ?? (percent ? 0 : -1e15);
  const max = m.maxValue ?? (percent ? 100 : 1e15);
  return {
    type: m.valueType === "integer" ? "whole" : "decimal",
    operator: "between",
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Giá trị không hợp lệ / Invalid value",
    error: `${min} – ${max}`,
    formulae: [min, max],
  };
}

function header(sheet: ExcelJS.Worksheet, c: TemplateContent): void {
  sheet.mergeCells("A1:G1");
  sheet.getCell("A1").value = c.form.nameVi + (c.form.nameEn ? ` / ${c.form.nameEn}` : "");
  sheet.getCell("A1").font = { bold: true, size: 14 };
  const rows: [string, string, string][] = [
    [labels.form, c.form.code, ""],
    [labels.unit, c.unit.code, c.unit.nameVi],
    [labels.period, c.period.id, c.period.labelVi],
  ];
  rows.forEach(([label, code, name], i) => {
    sheet.getCell(`A${i + 2}`).value = label;
    sheet.getCell(`A${i + 2}`).font = { bold: true };
    sheet.getCell(Object.values(HEADER_CELLS)[i] ?? "C2").value = code;
    sheet.getCell(`D${i + 2}`).value = name;
  });
  sheet.mergeCells("A5:G5");
  sheet.getCell("A5").value = labels.hint;
  sheet.getCell("A5").alignment = { wrapText: true };
  sheet.getRow(5).height = 32;
  const head = sheet.getRow(TABLE_HEADER_ROW);
  head.values = [...labels.columns];
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
  });
}

/** The form as a workbook to fill in: one row per metric, then the narrative sections. */
export async function writeTemplate(c: TemplateContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "chiso";
  const sheet = book.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: TABLE_HEADER_ROW }] });
  sheet.columns = [6, 26, 60, 14, 18, 18, 40].map((width) => ({ width }));
  header(sheet, c);
  let row = FIRST_ROW;
  c.metrics.forEach((m, i) => {
    const r = sheet.getRow(row);
    r.getCell(COL.number).value = i + 1;
    r.getCell(COL.code).value = m.code;
    r.getCell(COL.name).value = `${m.nameVi}${m.required ? " (*)" : ""}`;
    r.getCell(COL.unit).value = m.unitOfMeasure;
    r.getCell(COL.value).value = shown(m.value);
    r.getCell(COL.previous).value = shown(m.previousValue);
    r.getCell(COL.comment).value = m.comment;
    r.getCell(COL.value).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
    const rule = validation(m);
    if (rule) r.getCell(COL.value).dataValidation = rule;
    if (m.valueType !== "text")
      r.getCell(COL.value).numFmt = m.valueType === "integer" ? "#,##0" : "#,##0.##";
    row++;
  });
  row++;
  sheet.getCell(`${COL.code}${row}`).value = NARRATIVE_MARKER;
  sheet.getCell(`${COL.name}${row}`).value = labels.narrative;
  sheet.getRow(row).font = { bold: true };
  for (const s of c.sections) {
    row++;
    sheet.getCell(`${COL.code}${row}`).value = s.code;
    sheet.getCell(`${COL.name}${row}`).value = `${s.nameVi} / ${s.nameEn}`;
    sheet.mergeCells(`${COL.value}${row}:${COL.comment}${row}`);
    sheet.getRow(row).height = 60;
    sheet.getCell(`${COL.value}${row}`).value = s.text;
    sheet.getCell(`${COL.value}${row}`).alignment = { wrapText: true, vertical: "top" };
    sheet.getCell(`${COL.value}${row}`).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFF8DC" },
    };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
