import type ExcelJS from "exceljs";

/** Excel's paper size code for A4. */
const A4 = 9;

/** Text for a print header or footer, where "&" starts a code. */
const literal = (text: string) => text.replace(/&/g, "&&");

/**
 * How a sheet prints: A4, every column on one page width (landscape when the sheet is wide), the
 * header row repeated on every page, the title at the top of each page and "page / pages" at the
 * bottom. Without it a wide sheet prints its columns across several pages.
 */
export function printSetup(
  sheet: ExcelJS.Worksheet,
  options: { title: string; headerRow: number; landscape: boolean },
): void {
  sheet.pageSetup = {
    paperSize: A4,
    orientation: options.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${options.headerRow}:${options.headerRow}`,
    margins: { left: 0.5, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    oddHeader: `&C&"Times New Roman,Bold"&12${literal(options.title)}`,
    oddFooter: `&C&"Times New Roman"&10&P / &N`,
  };
}
