import type { ReportDocument } from "../document.ts";

export const REPORT_FORMATS = ["md", "docx", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The report in one file format: Markdown as text, the others as bytes. Each renderer is loaded
 * when first asked for: docx, pdfmake with its fonts and exceljs take a second or more to load,
 * which `chiso report` in Markdown does not need to pay.
 */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<string | Buffer> {
  switch (format) {
    case "md":
      return (await import("./markdown.ts")).renderMarkdown(doc);
    case "docx":
      return (await import("./docx.ts")).renderDocx(doc);
    case "pdf":
      return (await import("./pdf.ts")).renderPdf(doc);
    case "xlsx":
      return (await import("./xlsx.ts")).renderXlsx(doc);
  }
}
