import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from "docx";
import type { Block, ReportDocument, Section } from "../document.ts";
import { body, FONT, headerTable, indicatorTable, line, run, signatureTable } from "./docx-parts.ts";
import { HEADER_MM, MARGIN_MM, PAGE_MM, SIZE_PT, twips } from "./layout.ts";

function blockParagraphs(block: Block): Paragraph[] {
  if (block.kind === "paragraph") return [body([run(block.text)])];
  const intro = block.intro ? [body([run(block.intro)], { keepNext: true })] : [];
  return [...intro, ...block.items.map((item) => body([run(`- ${item}`)]))];
}

function heading(text: string): Paragraph {
  return body([run(text, { bold: true })], { keepNext: true });
}

function sectionParagraphs(s: Section): Paragraph[] {
  return [
    heading(`${s.number}. ${s.heading}`),
    ...s.blocks.flatMap(blockParagraphs),
    ...s.subsections.flatMap((sub) => [
      heading(`${sub.number}. ${sub.heading}`),
      ...sub.blocks.flatMap(blockParagraphs),
    ]),
  ];
}

function spacer(): Paragraph {
  return line("");
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360 },
      children: [run(doc.title.kind, { bold: true })],
    }),
    line(doc.title.subject, { bold: true }),
  ];
}

function appendix(doc: ReportDocument): (Paragraph | Table)[] {
  const a = doc.appendix;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      children: [run(a.title, { bold: true })],
    }),
    line(a.subject, { bold: true }),
    line(a.reference, { italics: true }),
    spacer(),
    indicatorTable(a.table),
  ];
}

/** Page numbers centred in the top margin, on every page but the first (Decree 30). */
function pageNumberHeaders() {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_PT.body * 2 })],
  });
  return {
    default: new Header({ children: [number] }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

/** The report as a Word document in the administrative format of Decree 30/2020/NĐ-CP. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    creator: "chiso",
    title: `${doc.title.kind} ${doc.title.subject}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_PT.body * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
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
        headers: pageNumberHeaders(),
        children: [
          headerTable(doc.header),
          ...titleBlock(doc),
          spacer(),
          ...doc.opening.map((p) => body([run(p)])),
          ...doc.sections.flatMap(sectionParagraphs),
          body([run(doc.closing)]),
          spacer(),
          signatureTable(doc),
          ...appendix(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
