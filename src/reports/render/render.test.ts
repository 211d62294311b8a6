import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeReport } from "../compose.ts";
import { dongThapReportData } from "../fixtures.test-helper.ts";
import { templateSet } from "../templates/index.ts";
import { renderDocx } from "./docx.ts";
import { escapeMarkdown, renderMarkdown } from "./markdown.ts";
import { renderPdf } from "./pdf.ts";
import { hasPdftotext, hasSoffice, libreOfficePdf, pdfText } from "./tools.test-helper.ts";
import { readWorkbook, rowValues, sheetOf } from "./workbook.test-helper.ts";
import { renderXlsx } from "./xlsx.ts";

const doc = composeReport(dongThapReportData(), templateSet("vi"));
const summaries =
  doc.sections[0]?.subsections.flatMap((s) => s.blocks.filter((b) => b.kind === "paragraph")) ?? [];
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chiso-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Markdown", () => {
  it("escapes what Markdown or HTML would read, and nothing else", () => {
    expect(escapeMarkdown("<script>*x*</script> [a](b) Bộ NN&PTNT 47,54%")).toBe(
      "\\<script\\>\\*x\\*\\</script\\> \\[a\\](b) Bộ NN&PTNT 47,54%",
    );
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
  });

  it("lays out the heading block, the numbered sections and the appendix", () => {
    const md = renderMarkdown(doc);
    expect(md.startsWith("UBND TỈNH ĐỒNG THÁP  \n**SỞ THÔNG TIN VÀ TRUYỀN THÔNG**  \nSố: …/BC-STTTT\n")).toBe(
      true,
    );
    expect(md).toContain("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**");
    expect(md).toContain("*Đồng Tháp, ngày 05 tháng 10 năm 2023*");
    expect(md).toContain("## I. KẾT QUẢ THỰC HIỆN\n");
    expect(md).toContain(
      "### 2. Về phát triển dữ liệu số\n\nHoàn thành 5/7 chỉ tiêu theo Kế hoạch CĐS năm 2023; 01 chỉ tiêu",
    );
    expect(md).toContain(
      "- Dịch vụ công trực tuyến toàn trình: 763/1.605 dịch vụ (chiếm 47,54%); kỳ trước: 748.\n",
    );
    expect(md).toContain("| 6 | Trên 60% cơ quan nhà nước");
    expect(md).toContain("| 60% | 52,63% | Có khả năng hoàn thành |");
  });
});

describe("Word (.docx) in the Decree 30/2020 format", () => {
  let xml = "";
  let headers: string[] = [];

  beforeAll(async () => {
    const buffer = await renderDocx(doc);
    writeFileSync(join(dir, "report.docx"), buffer);
    const zip = await JSZip.loadAsync(buffer);
    xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const names = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
    headers = await Promise.all(names.map((n) => zip.file(n)?.async("string") ?? ""));
  });

  it("sets an A4 page with the decree's margins", () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 20 mm top and bottom, 30 mm left, 15 mm right, in twentieths of a point.
    expect(xml).toContain('<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"');
  });

  it("writes in Times New Roman, 14 pt body and 12–13 pt heading block", () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:sz w:val="26"/>');
    expect(xml).toContain('<w:sz w:val="24"/>');
  });

  it("numbers pages from page 2, centred in the top margin", () => {
    expect(xml).toContain("<w:titlePg/>");
    expect(xml).toMatch(/<w:headerReference w:type="default" r:id="\w+"\/><w:headerReference w:type="first"/);
    const numbered = headers.filter((h) => h.includes("PAGE"));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
    expect(headers.filter((h) => !h.includes("PAGE"))).toHaveLength(1);
  });

  it("carries the heading block, the title and the summaries", () => {
    for (const text of [
      "UBND TỈNH ĐỒNG THÁP",
      "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "Số: …/BC-STTTT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Đồng Tháp, ngày 05 tháng 10 năm 2023",
      "BÁO CÁO",
      "I. KẾT QUẢ THỰC HIỆN",
      "Nơi nhận:",
      "GIÁM ĐỐC",
      "PHỤ LỤC",
    ]) {
      expect(xml).toContain(`>${text}</w:t>`);
    }
    for (const p of summaries) expect(xml).toContain(p.kind === "paragraph" ? escapeXml(p.text) : "");
    expect(xml).toMatch(
      /<w:i\/>(<w:iCs\/>)?<w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">Đồng Tháp, ngày 05/,
    );
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain("<w:tblHeader/>");
  });

  it.runIf(hasSoffice && hasPdftotext)(
    "opens in LibreOffice, which converts it to a PDF with the same text",
    () => {
      const pdf = libreOfficePdf(dir, "report.docx");
      // LibreOffice justifies with its own glyph spacing, so pdftotext may split a word
      // ("Truy ền"): compare the letters in order, with white space taken out.
      const letters = (t: string) => t.normalize("NFC").replace(/\s+/g, "");
      const text = letters(pdfText(pdf).replace(/\f\s*\d+\s*\n/g, " "));
      expect(text).toContain(letters("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
      expect(text).toContain(letters((summaries[1] as { text: string }).text));
    },
  );
});

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

describe("PDF", () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(doc);
    writeFileSync(join(dir, "direct.pdf"), pdf);
  });

  it("is an A4 PDF with the Tinos fonts embedded", () => {
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw).toContain("/MediaBox [0 0 595.28 841.89]");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(raw).toContain("/FontFile2");
  });

  it.runIf(hasPdftotext)(
    "gives back the Vietnamese summaries intact, in NFC, when its text is extracted",
    () => {
      const raw = pdfText(join(dir, "direct.pdf"));
      expect(raw).toBe(raw.normalize("NFC"));
      // A paragraph may run across a page break, where the next page's number sits.
      const text = oneLine(raw.replace(/\f\s*\d+\s*\n/g, " "));
      for (const p of summaries) if (p.kind === "paragraph") expect(text).toContain(oneLine(p.text));
      expect(text).toContain("UBND TỈNH ĐỒNG THÁP");
      expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(text).toContain("Hội đồng nhân dân tỉnh ban hành Nghị quyết số 39/NQ-HĐND ngày 18/07/2023");
      // Page numbers from page 2: the first page's text has none before the heading block.
      const pages = raw.split("\f");
      expect(pages[0]?.trimStart().startsWith("UBND TỈNH ĐỒNG THÁP")).toBe(true);
      expect(pages[1]?.trimStart().startsWith("2\n")).toBe(true);
    },
  );
});

describe("Excel (.xlsx)", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readWorkbook(await renderXlsx(doc));
  });
  const values = rowValues;

  it("has the three sheets, each with a frozen header row", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Số liệu", "Tổng hợp"]);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it("prints each sheet on A4 one page wide, the header row on every page, titled", () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe("1:1");
      expect(ws.headerFooter.oddHeader).toContain(doc.title.subject);
      expect(ws.headerFooter.oddFooter).toContain("&P / &N");
    }
    expect(sheetOf(workbook, "Chỉ tiêu").pageSetup.orientation).toBe("landscape");
    expect(sheetOf(workbook, "Tổng hợp").pageSetup.orientation).toBe("portrait");
  });

  it("says a milestone's state in words, not as 1 or 0", () => {
    const ws = sheetOf(workbook, "Chỉ tiêu");
    const milestones = Array.from({ length: ws.rowCount }, (_, i) => values(ws, i + 1)).filter(
      (r) => r[3] === "Hoàn thành",
    );
    expect(milestones.length).toBeGreaterThan(0);
    for (const r of milestones) {
      expect(["Hoàn thành", "Chưa hoàn thành"]).toContain(r[4]);
      expect(r[5]).toBe("");
    }
    expect(ws.getColumn(6).values.filter((v) => String(v).startsWith("1 ="))).toEqual([]);
  });

  it("lists every indicator with its status in Vietnamese and the sample mark", () => {
    const ws = sheetOf(workbook, "Chỉ tiêu");
    expect(values(ws, 1)).toEqual([
      "Trụ cột",
      "Mã",
      "Chỉ tiêu",
      "Kế hoạch",
      "Kết quả",
      "Đơn vị tính",
      "Tình trạng",
      "Lý do",
      "Mẫu",
    ]);
    expect(ws.rowCount).toBe(38);
    expect(values(ws, 7)).toEqual([
      "Phát triển dữ liệu số",
      "DL-01",
      "Trên 60% cơ quan nhà nước cấp tỉnh tham gia cung cấp dữ liệu mở phục vụ người dân và phát triển kinh tế - xã hội",
      60,
      52.63,
      "%",
      "Có khả năng hoàn thành",
      "Đúng tiến độ: đạt 87,72% chặng đường",
      "",
    ]);
    expect(values(ws, 2)?.[8]).toBe("Có");
    expect(ws.getCell("E7").numFmt).toBe("#,##0.00");
    expect(ws.getCell("D7").numFmt).toBe("#,##0");
  });

  it("keeps figures and shares as numbers", () => {
    const ws = sheetOf(workbook, "Số liệu");
    const dvc = ws.getColumn(2).values.indexOf("DVC_FULL") ?? -1;
    expect(values(ws, dvc)).toEqual([
      "Xây dựng chính quyền số",
      "DVC_FULL",
      "Dịch vụ công trực tuyến toàn trình",
      763,
      "dịch vụ",
      763 / 1605,
      748,
    ]);
    expect(ws.getRow(dvc).getCell(6).numFmt).toBe("0.00%");
  });

  it("sums up the counts per pillar and for the whole plan", () => {
    const ws = sheetOf(workbook, "Tổng hợp");
    expect(values(ws, 1)).toEqual([
      "Trụ cột",
      "Tổng số",
      "Hoàn thành",
      "Có khả năng hoàn thành",
      "Khó hoàn thành",
      "Phụ thuộc",
      "Không tiếp tục đánh giá",
      "Chưa có số liệu",
    ]);
    const rows = Array.from({ length: (ws.rowCount ?? 1) - 1 }, (_, i) => values(ws, i + 2));
    expect(rows.filter((r) => Number(r[1]) > 0)).toEqual([
      ["Phát triển dữ liệu số", 7, 5, 1, 0, 1, 0, 0],
      ["Xây dựng chính quyền số", 12, 7, 4, 1, 0, 0, 0],
      ["Phát triển kinh tế số", 6, 3, 1, 2, 0, 0, 0],
      ["Phát triển xã hội số", 12, 6, 0, 2, 2, 2, 0],
      ["Toàn kế hoạch", 37, 21, 6, 5, 3, 2, 0],
    ]);
  });
});
