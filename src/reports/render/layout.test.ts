import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeReport } from "../compose.ts";
import { dongThapReportData } from "../fixtures.test-helper.ts";
import { type ReportLang, type TemplateKey, templateSet } from "../templates/index.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { hasPdftotext, hasSoffice, libreOfficePdf, pdfText } from "./tools.test-helper.ts";

/**
 * The printed page as an official sees it (Decree 30/2020): the document is rendered, opened in
 * LibreOffice (Liberation Serif, metric-compatible with Times New Roman) or read from our PDF,
 * and its lines are read back with pdftotext -layout, so a title that wraps shows as two lines.
 */
const signer = new Map<TemplateKey, string>([["signature.name", "Nguyễn Văn An"]]);
const heading: Record<ReportLang, string[]> = {
  vi: [
    "UBND TỈNH ĐỒNG THÁP",
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "GIÁM ĐỐC",
    "Nguyễn Văn An",
  ],
  // In English the governing body is longer than its column and may wrap, which the decree
  // allows for the bodies; the national title may not.
  en: ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "DIRECTOR", "Nguyễn Văn An"],
};

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chiso-layout-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The printed lines, spaces squeezed: each a row of a page. */
function printedLines(pdf: string): string[] {
  return pdfText(pdf, true)
    .split(/[\n\f]/)
    .map((l) => l.replace(/ +/g, " ").trim());
}

/** Whether `text` stands whole on one printed line (beside the other column's text). */
const onOneLine = (lines: string[], text: string) => lines.some((l) => l.includes(text));

describe.each(["vi", "en"] as const)("the %s plan report's heading block and signature", (lang) => {
  const doc = composeReport(dongThapReportData(), templateSet(lang, signer));

  it("names the governing body in the report's language", () => {
    expect(doc.header.parentBody).toBe(
      lang === "vi" ? "UBND TỈNH ĐỒNG THÁP" : "PEOPLE'S COMMITTEE OF ĐỒNG THÁP PROVINCE",
    );
  });

  it.runIf(hasSoffice && hasPdftotext)("keep each title on one line in LibreOffice", async () => {
    writeFileSync(join(dir, `report-${lang}.docx`), await renderDocx(doc));
    const lines = printedLines(libreOfficePdf(dir, `report-${lang}.docx`));
    for (const text of heading[lang])
      expect(onOneLine(lines, text), `${text}\n${lines.join("\n")}`).toBe(true);
  });

  it.runIf(hasPdftotext)("keep each title on one line in the PDF", async () => {
    writeFileSync(join(dir, `report-${lang}.pdf`), await renderPdf(doc));
    const lines = printedLines(join(dir, `report-${lang}.pdf`));
    for (const text of heading[lang])
      expect(onOneLine(lines, text), `${text}\n${lines.join("\n")}`).toBe(true);
  });
});
