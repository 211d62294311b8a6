import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { FONT, line, rule, run } from "../../reports/render/docx-parts.ts";
import { HEADER_MM, MARGIN_MM, PAGE_MM, SIZE_PT, twips } from "../../reports/render/layout.ts";
import type { GroupRanking, RankingView } from "../ranking-view.ts";
import { cellText, groupHeading, rankingColumns, statusLine } from "./columns.ts";

// The Word annex (phụ lục) of the decision approving the results, in the format of Decree
// 30/2020/NĐ-CP, built from the plan report's Word parts (src/reports/render): Times New Roman,
// the decree's margins and sizes. The ranking is wide, so the annex is A4 landscape, which the
// decree allows for an appendix table.

const TEXT_WIDTH_MM = PAGE_MM.height - MARGIN_MM.left - MARGIN_MM.right;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Narrow cell margins (1 mm): a district's table has a dozen figures side by side. */
const CELL_MARGIN = twips(1);

function cell(text: string, widthMm: number, style: { bold: boolean; size: number }, align: Align) {
  return new TableCell({
    width: { size: twips(widthMm), type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({ alignment: align, spacing: { before: 20, after: 20 }, children: [run(text, style)] }),
    ],
  });
}

/** Rank and unit take fixed widths; the figures share the rest. */
function widths(count: number): number[] {
  const rank = 14;
  const unit = 52;
  const rest = (TEXT_WIDTH_MM - rank - unit) / Math.max(1, count - 2);
  return [rank, unit, ...Array.from({ length: count - 2 }, () => rest)];
}

function groupTable(view: RankingView, group: GroupRanking): Table {
  const columns = rankingColumns(group, view.assessment.previous !== null, true);
  const mm = widths(columns.length);
  // The decree lets appendix tables be smaller than the body text; wide ones smaller still.
  const size = columns.length > 10 ? SIZE_PT.table - 2 : SIZE_PT.table - 1;
  const align = (i: number) => (i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, mm[i] ?? 10, { bold: true, size }, AlignmentType.CENTER)),
  });
  const rows = group.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(cellText(c, r), mm[i] ?? 10, { bold: false, size }, align(i))),
      }),
  );
  return new Table({
    width: { size: twips(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: mm.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** The page number centred in the top margin from the second page on, as Decree 30 asks. */
const pageNumbers = {
  default: new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_PT.body * 2 })],
      }),
    ],
  }),
  first: new Header({ children: [new Paragraph({})] }),
};

/** The annex as a .docx file: "Phụ lục", the title, the decision it is attached to, one table per group. */
export async function rankingDocx(view: RankingView): Promise<Buffer> {
  const h = view.assessment;
  const children = [
    line("Phụ lục", { bold: true }),
    line(`KẾT QUẢ ${h.nameVi.toLocaleUpperCase("vi")}`, { bold: true }),
    line(`(${statusLine(h)})`, { italics: true }),
    // An empty small line first, so the short rule sits below the text, not through it.
    line("", { size: 4 }),
    rule(TEXT_WIDTH_MM, 40),
    ...view.groups.flatMap((g, i) => [
      heading(`${ROMAN[i] ?? i + 1}. ${groupHeading(g)}`),
      groupTable(view, g),
    ]),
  ];
  const doc = new Document({
    creator: "chiso",
    title: h.nameVi,
    styles: { default: { document: { run: { font: FONT, size: SIZE_PT.body * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twips(PAGE_MM.width),
              height: twips(PAGE_MM.height),
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: {
              top: twips(MARGIN_MM.top),
              bottom: twips(MARGIN_MM.bottom),
              left: twips(MARGIN_MM.left),
              right: twips(MARGIN_MM.right),
              header: twips(HEADER_MM),
              footer: twips(HEADER_MM),
            },
          },
        },
        headers: pageNumbers,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
