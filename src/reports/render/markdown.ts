import type { Block, IndicatorTable, ReportDocument } from "../document.ts";

/**
 * Escapes text for Markdown so nothing in the data or a template becomes markup or HTML when
 * the web renders it: ASCII punctuation that Markdown reads is backslash-escaped, and a line
 * that would start a list, heading or quote is defused.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>|#~!]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([-+=]|\d+[.)])(?=\s|$)/,
      (_m, space: string, mark: string) => `${space}${mark.replace(/([-+=.)])$/, "\\$1")}`,
    );
}

const e = escapeMarkdown;

function blockLines(block: Block): string[] {
  if (block.kind === "paragraph") return [e(block.text), ""];
  return [...(block.intro ? [e(block.intro), ""] : []), ...block.items.map((i) => `- ${e(i)}`), ""];
}

function tableLines(table: IndicatorTable): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => e(c).replace(/\n/g, " ")).join(" | ")} |`;
  return table.groups.flatMap((g) => [
    `#### ${g.number}. ${e(g.heading)}`,
    "",
    row(table.columns),
    `|${table.columns.map(() => "---").join("|")}|`,
    ...g.rows.map(row),
    "",
  ]);
}

/** The report as Markdown, for the web page and the terminal. */
export function renderMarkdown(doc: ReportDocument): string {
  const h = doc.header;
  const lines = [
    `${e(h.parentBody)}  `,
    `**${e(h.issuingBody)}**  `,
    e(h.number),
    "",
    `**${e(h.nation)}**  `,
    `**${e(h.motto)}**`,
    "",
    `*${e(h.placeDate)}*`,
    "",
    `# ${e(doc.title.kind)}`,
    "",
    `**${e(doc.title.subject)}**`,
    "",
    ...doc.opening.flatMap((p) => [e(p), ""]),
    ...doc.sections.flatMap((s) => [
      `## ${s.number}. ${e(s.heading)}`,
      "",
      ...s.blocks.flatMap(blockLines),
      ...s.subsections.flatMap((sub) => [
        `### ${sub.number}. ${e(sub.heading)}`,
        "",
        ...sub.blocks.flatMap(blockLines),
      ]),
    ]),
    e(doc.closing),
    "",
    `***${e(doc.recipients.heading)}***  `,
    ...doc.recipients.lines.map((l) => (l.startsWith("- ") ? `- ${e(l.slice(2))}` : `${e(l)}  `)),
    "",
    ...doc.signature.map((l) => `**${e(l)}**  `),
    ...(doc.signer ? ["", "", `**${e(doc.signer)}**  `] : []),
    "",
    "---",
    "",
    `## ${e(doc.appendix.title)}`,
    "",
    `**${e(doc.appendix.subject)}**`,
    "",
    `*${e(doc.appendix.reference)}*`,
    "",
    ...tableLines(doc.appendix.table),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
