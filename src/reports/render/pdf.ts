import type { Content, CustomTableLayout, TableCell } from "pdfmake";
import pdfmake from "pdfmake";
import type { Block, DocumentHeader, IndicatorTable, ReportDocument, Section } from "../document.ts";
import { fontDir, headerColumnsMm, textWidthMm, tinos } from "./fonts.ts";
import {
  HEADER_MM,
  INDENT_MM,
  MARGIN_MM,
  points,
  SIZE_PT,
  TABLE_COLUMNS_MM,
  TEXT_WIDTH_MM,
} from "./layout.ts";

// The PDF embeds Tinos (fonts.ts), so it needs no system font on any machine.
pdfmake.addFonts({
  Tinos: {
    normal: tinos("400Regular"),
    bold: tinos("700Bold"),
    italics: tinos("400Regular_Italic"),
    bolditalics: tinos("700Bold_Italic"),
  },
});
// The report embeds no images or links: refuse every URL, read only the font files.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];

const flush: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function ruleLine(columnMm: number, widthMm: number): Content {
  const x1 = points(Math.max(0, (columnMm - widthMm) / 2));
  return {
    canvas: [{ type: "line", x1, y1: 0, x2: x1 + points(widthMm), y2: 0, lineWidth: 0.6 }],
    margin: [0, 2, 0, 1],
  };
}

function headerBlock(h: DocumentHeader): Content {
  const columns = headerColumnsMm(h);
  const [left, right] = columns;
  const issuerWidth = Math.min(textWidthMm(h.issuingBody, SIZE_PT.header, true), left);
  const centred = { alignment: "center" as const, fontSize: SIZE_PT.header };
  return {
    layout: flush,
    table: {
      widths: columns.map(points),
      body: [
        [
          {
            stack: [
              { ...centred, text: h.parentBody },
              { ...centred, text: h.issuingBody, bold: true },
              ruleLine(left, Math.max(issuerWidth / 3, 15)),
              { ...centred, text: h.number, fontSize: SIZE_PT.number, margin: [0, 4, 0, 0] },
            ],
          },
          {
            stack: [
              { ...centred, text: h.nation, bold: true },
              { ...centred, text: h.motto, bold: true, fontSize: SIZE_PT.motto },
              ruleLine(right, textWidthMm(h.motto, SIZE_PT.motto, true)),
              { text: h.placeDate, italics: true, alignment: "center", margin: [0, 6, 0, 0] },
            ],
          },
        ],
      ],
    },
  };
}

/**
 * pdfmake may break a line after "/" or "-" and, when justifying, spreads space between all
 * pieces, which turns "39/NQ-HĐND" into "39/ NQ- HĐND". Short words holding such marks are
 * therefore kept whole.
 */
function unbroken(text: string): Content[] {
  return text
    .split(/(?<=\s)/)
    .map((word) => (/[/-]\S/.test(word) && word.length <= 40 ? { text: word, noWrap: true } : word));
}

const paragraph = (text: string, extra: Record<string, unknown> = {}): Content => ({
  text: unbroken(text),
  alignment: "justify",
  leadingIndent: points(INDENT_MM),
  margin: [0, 6, 0, 0],
  ...extra,
});

function blockContent(block: Block): Content[] {
  if (block.kind === "paragraph") return [paragraph(block.text)];
  return [...(block.intro ? [paragraph(block.intro)] : []), ...block.items.map((i) => paragraph(`- ${i}`))];
}

function sectionContent(s: Section): Content[] {
  return [
    paragraph(`${s.number}. ${s.heading}`, { bold: true }),
    ...s.blocks.flatMap(blockContent),
    ...s.subsections.flatMap((sub) => [
      paragraph(`${sub.number}. ${sub.heading}`, { bold: true }),
      ...sub.blocks.flatMap(blockContent),
    ]),
  ];
}

function indicatorTable(table: IndicatorTable): Content {
  const span = TABLE_COLUMNS_MM.length;
  const filler = (n: number): TableCell[] => Array.from({ length: n }, () => ({}));
  const align = (i: number): "left" | "center" => (i === 1 || i === 5 ? "left" : "center");
  return {
    fontSize: SIZE_PT.table,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // pdfmake widths exclude the cell padding (4 pt a side) and the rule (1 pt).
      widths: TABLE_COLUMNS_MM.map((mm) => points(mm) - 9),
      body: [
        table.columns.map((c) => ({ text: c, bold: true, alignment: "center" as const })),
        ...table.groups.flatMap((g) => [
          [{ text: `${g.number}. ${g.heading}`, bold: true, colSpan: span }, ...filler(span - 1)],
          ...g.rows.map((cells) => cells.map((c, i) => ({ text: c, alignment: align(i) }))),
        ]),
      ],
    },
  };
}

function definition(doc: ReportDocument): DocumentDefinition {
  const half = points(TEXT_WIDTH_MM) / 2;
  return {
    pageSize: "A4",
    pageMargins: [
      points(MARGIN_MM.left),
      points(MARGIN_MM.top),
      points(MARGIN_MM.right),
      points(MARGIN_MM.bottom),
    ],
    info: { title: `${doc.title.kind} ${doc.title.subject}`, creator: "chiso", producer: "chiso" },
    defaultStyle: { font: "Tinos", fontSize: SIZE_PT.body, lineHeight: 1.1 },
    // Decree 30: page numbers centred in the top margin, not on the first page.
    header: (page: number) =>
      page === 1 ? null : { text: String(page), alignment: "center", margin: [0, points(HEADER_MM), 0, 0] },
    content: [
      headerBlock(doc.header),
      { text: doc.title.kind, bold: true, alignment: "center", margin: [0, 18, 0, 0] },
      { text: doc.title.subject, bold: true, alignment: "center", margin: [0, 0, 0, 12] },
      ...doc.opening.map((p) => paragraph(p)),
      ...doc.sections.flatMap(sectionContent),
      paragraph(doc.closing),
      {
        margin: [0, 12, 0, 0],
        unbreakable: true,
        columns: [
          {
            width: half,
            stack: [
              {
                text: doc.recipients.heading,
                bold: true,
                italics: true,
                fontSize: SIZE_PT.recipientsHeading,
              },
              ...doc.recipients.lines.map((l) => ({ text: l, fontSize: SIZE_PT.recipients })),
            ],
          },
          {
            width: half,
            stack: [
              ...doc.signature.map((l) => ({ text: l, bold: true, alignment: "center" as const })),
              // The space where the signer signs and stamps: four lines of body text.
              ...(doc.signer
                ? [
                    {
                      text: doc.signer,
                      bold: true,
                      alignment: "center" as const,
                      margin: [0, 64, 0, 0] as [number, number, number, number],
                    },
                  ]
                : []),
            ],
          },
        ],
      },
      { text: doc.appendix.title, bold: true, alignment: "center", pageBreak: "before" },
      { text: doc.appendix.subject, bold: true, alignment: "center" },
      { text: doc.appendix.reference, italics: true, alignment: "center", margin: [0, 0, 0, 12] },
      indicatorTable(doc.appendix.table),
    ],
  };
}

/** The report as a PDF with the same layout as the Word file and Tinos embedded. */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  return pdfmake.createPdf(definition(doc)).getBuffer();
}
