import ExcelJS from "exceljs";
import { printSetup } from "../../reports/render/xlsx-print.ts";
import type { RankingView } from "../ranking-view.ts";
import type { ScorecardView } from "../scorecard-view.ts";
import { type Column, groupHeading, rankingColumns, statusLine } from "./columns.ts";
import { evidenceText, reasonOf, valueText } from "./markdown.ts";

const FONT = { name: "Times New Roman", size: 12 };
const numFmt = (digits: number) => (digits === 0 ? "0" : `0.${"0".repeat(digits)}`);

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

function titleRows(sheet: ExcelJS.Worksheet, lines: string[], width: number): void {
  for (const line of lines) {
    const r = sheet.addRow([line]);
    sheet.mergeCells(r.number, 1, r.number, Math.max(1, width));
    r.font = { ...FONT, bold: r.number === 1 };
  }
  sheet.addRow([]);
}

/** The header row, frozen; returns its row number. */
function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): number {
  const r = sheet.addRow(headers);
  r.font = { ...FONT, bold: true };
  r.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  r.eachCell((cell) => {
    cell.border = {
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
  });
  sheet.views = [{ state: "frozen", ySplit: r.number }];
  return r.number;
}

function rankingSheet(book: ExcelJS.Workbook, view: RankingView, group: RankingView["groups"][number]): void {
  const sheet = book.addWorksheet(sheetName(`${group.code}`));
  const columns: Column[] = rankingColumns(group, view.assessment.previous !== null);
  titleRows(
    sheet,
    [view.assessment.nameVi, statusLine(view.assessment), groupHeading(group)],
    columns.length,
  );
  const header = headerRow(
    sheet,
    columns.map((c) => c.header),
  );
  printSetup(sheet, { title: view.assessment.nameVi, headerRow: header, landscape: true });
  for (const row of group.rows) {
    const r = sheet.addRow(columns.map((c) => c.get(row)));
    r.font = FONT;
    columns.forEach((c, i) => {
      if (c.digits !== undefined) r.getCell(i + 1).numFmt = numFmt(c.digits);
    });
  }
  sheet.columns.forEach((col, i) => {
    col.width = i === 1 ? 42 : 14;
  });
}

/** Bảng xếp hạng as a workbook: one sheet per group, numbers kept as numbers. */
export async function rankingWorkbook(view: RankingView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "chiso";
  for (const group of view.groups) rankingSheet(book, view, group);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Phiếu kết quả of one unit as a workbook. */
export async function scorecardWorkbook(view: ScorecardView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "chiso";
  const sheet = book.addWorksheet(sheetName(view.unit.code));
  const headers = [
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Giá trị tự đánh giá",
    "Điểm tự đánh giá",
    "Giá trị thẩm định",
    "Điểm thẩm định",
    "Chênh lệch",
    "Lý do",
    "Tài liệu kiểm chứng",
  ];
  titleRows(
    sheet,
    [`${view.unit.nameVi} — ${view.assessment.nameVi}`, statusLine(view.assessment)],
    headers.length,
  );
  const header = headerRow(sheet, headers);
  printSetup(sheet, {
    title: `${view.unit.nameVi} — ${view.assessment.nameVi}`,
    headerRow: header,
    landscape: true,
  });
  for (const c of view.criteria) {
    const r = sheet.addRow([
      c.code,
      c.nameVi,
      c.maxPoints,
      valueText(c.method, c.self.value),
      c.self.points,
      valueText(c.method, c.appraised.value),
      c.appraised.points,
      c.difference,
      reasonOf(c),
      evidenceText(c),
    ]);
    r.font = FONT;
    for (const i of [5, 7, 8]) r.getCell(i).numFmt = numFmt(2);
  }
  const total = sheet.addRow([
    "",
    "Tổng cộng",
    view.total.maxPoints,
    "",
    view.total.self,
    "",
    view.total.appraised,
    view.total.difference,
  ]);
  total.font = { ...FONT, bold: true };
  for (const i of [5, 7, 8]) total.getCell(i).numFmt = numFmt(2);
  sheet.columns.forEach((col, i) => {
    col.width = [8, 50, 10, 18, 12, 18, 12, 10, 40, 50][i] ?? 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
