import type { ReportDocument } from "../document.ts";
import { renderDocx } from "./docx.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderPdf } from "./pdf.ts";
import { renderXlsx } from "./xlsx.ts";

export const REPORT_FORMATS = ["md", "docx", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The report in one file format: Markdown as text, the others as bytes. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<string | Buffer> {
  switch (format) {
    case "md":
      return renderMarkdown(doc);
    case "docx":
      return renderDocx(doc);
    case "pdf":
      return renderPdf(doc);
    case "xlsx":
      return renderXlsx(doc);
  }
}

export { renderDocx, renderMarkdown, renderPdf, renderXlsx };
