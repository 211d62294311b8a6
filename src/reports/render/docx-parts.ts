import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DocumentHeader, IndicatorTable, ReportDocument } from "../document.ts";
import { headerColumnsMm, textWidthMm } from "./fonts.ts";
import { INDENT_MM, SIZE_PT, TABLE_COLUMNS_MM, TEXT_WIDTH_MM, twips } from "./layout.ts";

export const FONT = "Times New Roman";

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/** A run with the font and size always spelled out, so every reader shows Times New Roman. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: (style.size ?? SIZE_PT.body) * 2,
    bold: style.bold,
    italics: style.italics,
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export function line(text: string, style: RunStyle = {}, alignment: Align = AlignmentType.CENTER): Paragraph {
  return new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, style)] });
}

/** A body paragraph: justified, first-line indent, 6 pt before, 1.2 lines. */
export function body(children: ParagraphChild[], extra: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(INDENT_MM) },
    spacing: { before: 120, after: 0, line: 288 },
    keepNext: extra.keepNext,
    children,
  });
}

/** A centred solid rule `widthMm` long, drawn as the top border of an empty paragraph. */
export function rule(columnMm: number, widthMm: number): Paragraph {
  const side = twips(Math.max(0, (columnMm - widthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 2 })],
  });
}

function cell(children: Paragraph[], widthMm: number, extra: { columnSpan?: number } = {}): TableCell {
  return new TableCell({
    width: { size: twips(widthMm), type: WidthType.DXA },
    columnSpan: extra.columnSpan,
    children,
  });
}

function borderless(columnsMm: readonly number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: twips(columnsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: columnsMm.map(twips),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // Word and LibreOffice pad cells by about 2 mm a side by default: the columns are sized to
    // their text, so the padding would wrap the national title.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [new TableRow({ children: cells.map((c, i) => cell(c, columnsMm[i] as number)) })],
  });
}

/** Issuing body, number (left) and Quốc hiệu, Tiêu ngữ with its rule (right). */
export function headerTable(h: DocumentHeader): Table {
  const columns = headerColumnsMm(h);
  const [left, right] = columns;
  const issuerWidth = Math.min(textWidthMm(h.issuingBody, SIZE_PT.header, true), left);
  return borderless(columns, [
    [
      line(h.parentBody, { size: SIZE_PT.header }),
      line(h.issuingBody, { size: SIZE_PT.header, bold: true }),
      rule(left, Math.max(issuerWidth / 3, 15)),
      line(h.number, { size: SIZE_PT.number }),
    ],
    [
      line(h.nation, { size: SIZE_PT.header, bold: true }),
      line(h.motto, { size: SIZE_PT.motto, bold: true }),
      rule(right, textWidthMm(h.motto, SIZE_PT.motto, true)),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 0 },
        children: [run(h.placeDate, { italics: true })],
      }),
    ],
  ]);
}

/** "Nơi nhận" on the left, the signer's title on the right. */
export function signatureTable(doc: ReportDocument): Table {
  const half = TEXT_WIDTH_MM;
  const left = [
    line(
      doc.recipients.heading,
      { size: SIZE_PT.recipientsHeading, bold: true, italics: true },
      AlignmentType.LEFT,
    ),
    ...doc.recipients.lines.map((l) => line(l, { size: SIZE_PT.recipients }, AlignmentType.LEFT)),
  ];
  const right = doc.signature.map((l) => line(l, { bold: true }));
  // Four empty lines of body text: the space where the signer signs and stamps.
  if (doc.signer) right.push(...Array.from({ length: 4 }, () => line("")), line(doc.signer, { bold: true }));
  return borderless([half / 2, half / 2], [left, right]);
}

function tableCell(text: string, widthMm: number, style: RunStyle, align: Align, columnSpan?: number) {
  const paragraph = new Paragraph({
    alignment: align,
    spacing: { before: 40, after: 40 },
    children: [run(text, style)],
  });
  return cell([paragraph], widthMm, { columnSpan });
}

/** The appendix table: a header row repeated on each page, then a bold row per pillar. */
export function indicatorTable(table: IndicatorTable): Table {
  const size = SIZE_PT.table;
  const full = TABLE_COLUMNS_MM.reduce((a, b) => a + b, 0);
  const alignOf = (i: number) => (i === 1 || i === 5 ? AlignmentType.LEFT : AlignmentType.CENTER);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) =>
      tableCell(c, TABLE_COLUMNS_MM[i] as number, { size, bold: true }, AlignmentType.CENTER),
    ),
  });
  const rows = table.groups.flatMap((g) => [
    new TableRow({
      cantSplit: true,
      children: [
        tableCell(
          `${g.number}. ${g.heading}`,
          full,
          { size, bold: true },
          AlignmentType.LEFT,
          TABLE_COLUMNS_MM.length,
        ),
      ],
    }),
    ...g.rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((c, i) => tableCell(c, TABLE_COLUMNS_MM[i] as number, { size }, alignOf(i))),
        }),
    ),
  ]);
  return new Table({
    width: { size: twips(full), type: WidthType.DXA },
    columnWidths: TABLE_COLUMNS_MM.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}
