import ExcelJS from "exceljs";
import { FINAL_STATUSES } from "../../domain/plan/index.ts";
import type { ReportDocument } from "../document.ts";
import { labelsFor } from "../labels.ts";
import { printSetup } from "./xlsx-print.ts";

type Cell = string | number | null;

/**
 * Whole numbers grouped, others with two decimals. Excel keeps numbers as numbers and shows the
 * separators of the reader's locale: a Vietnamese Excel displays 1.205.780 and 83,66.
 */
const numberFormat = (x: Cell) => (typeof x === "number" && !Number.isInteger(x) ? "#,##0.00" : "#,##0");

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly string[],
  widths: readonly number[],
  title: string,
) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  // A sheet wider than an A4 portrait page (about 100 characters) prints landscape.
  const landscape = widths.reduce((a, b) => a + b, 0) > 100;
  printSetup(ws, { title: `${title} — ${name}`, headerRow: 1, landscape });
  ws.columns = columns.map((header, i) => ({ header, width: widths[i] ?? 14 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** Adds a row; numeric columns get a number format, text columns wrap. */
function addRow(
  ws: ExcelJS.Worksheet,
  cells: Cell[],
  numeric: readonly number[],
  percent: readonly number[] = [],
) {
  const row = ws.addRow(cells);
  cells.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    if (percent.includes(i)) cell.numFmt = "0.00%";
    else if (numeric.includes(i) && typeof value === "number") cell.numFmt = numberFormat(value);
    else cell.alignment = { wrapText: true, vertical: "top" };
  });
  return row;
}

/**
 * The report's tables as a workbook: "Chỉ tiêu" (one row per indicator), "Số liệu" (the key
 * figures, shares as percentages) and "Tổng hợp" (counts by status per pillar).
 */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const labels = labelsFor(doc.lang);
  const t = doc.tables;
  const title = doc.title.subject;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chiso";

  const indicators = sheet(
    workbook,
    labels.sheets.indicators,
    labels.indicatorColumns,
    [28, 10, 60, 12, 12, 16, 24, 50, 8],
    title,
  );
  for (const r of t.indicators) {
    const cells = [
      r.pillar,
      r.code,
      r.name,
      r.target,
      r.value,
      r.unit,
      r.statusText,
      r.reason,
      r.sample ? labels.yes : "",
    ];
    addRow(indicators, cells, [3, 4]);
  }

  const figures = sheet(
    workbook,
    labels.sheets.figures,
    labels.figureColumns,
    [28, 26, 50, 14, 14, 12, 14],
    title,
  );
  for (const f of t.figures) {
    const share = f.share === null || !Number.isFinite(f.share) ? null : f.share / 100;
    addRow(figures, [f.pillar, f.code, f.label, f.value, f.unit, share, f.previous], [3, 6], [5]);
  }

  const statusColumns = FINAL_STATUSES.map((s) => t.statusNames[s]);
  const summary = sheet(
    workbook,
    labels.sheets.summary,
    [...labels.summaryFirstColumns, ...statusColumns],
    [36, 10],
    title,
  );
  const countCells = (c: (typeof t)["totals"]) => [c.total, ...FINAL_STATUSES.map((s) => c[s])];
  const numeric = Array.from({ length: 1 + FINAL_STATUSES.length }, (_, i) => i + 1);
  for (const p of t.pillars) addRow(summary, [p.name, ...countCells(p.counts)], numeric);
  addRow(summary, [labels.wholePlan, ...countCells(t.totals)], numeric).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
