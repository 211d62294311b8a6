import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import type { DocumentHeader } from "../document.ts";
import { POINTS_PER_MM, SIZE_PT, TEXT_WIDTH_MM } from "./layout.ts";

/**
 * Tinos, metric-compatible with Times New Roman (and with Liberation Serif, which LibreOffice
 * uses in its place) and covering Vietnamese, from the npm package: the PDF embeds it, and both
 * renderers measure lines with it, so a column sized here fits in Word, LibreOffice and the PDF.
 */
export const fontDir = dirname(
  createRequire(import.meta.url).resolve("@expo-google-fonts/tinos/package.json"),
);

export const tinos = (style: "400Regular" | "700Bold" | "400Regular_Italic" | "700Bold_Italic") =>
  join(fontDir, style, `Tinos_${style}.ttf`);

const opened = new Map<string, fontkit.Font>();

function face(bold: boolean): fontkit.Font {
  const path = tinos(bold ? "700Bold" : "400Regular");
  let font = opened.get(path);
  if (!font) {
    font = fontkit.openSync(path) as fontkit.Font;
    opened.set(path, font);
  }
  return font;
}

/** The width of one line of text in millimetres, from the font's own advances and kerning. */
export function textWidthMm(text: string, sizePt: number, bold: boolean): number {
  const font = face(bold);
  const units = font.layout(text.normalize("NFC")).advanceWidth;
  return (units / font.unitsPerEm) * (sizePt / POINTS_PER_MM);
}

/** Room left beside the longest line of a header column, for the renderers' rounding. */
const HEADER_SLACK_MM = 1.5;
/** The issuing body's column never gets less than this, however long the national title. */
const MIN_ISSUER_MM = 60;

/**
 * The header's two columns (issuing body, national title): the right one as wide as the Quốc
 * hiệu and Tiêu ngữ need to stay on one line each (Decree 30/2020), the left one the rest of the
 * text block, where "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" fits at 12 pt. A longer issuing body wraps,
 * which the decree allows.
 */
export function headerColumnsMm(h: DocumentHeader): [number, number] {
  const titles = Math.max(
    textWidthMm(h.nation, SIZE_PT.header, true),
    textWidthMm(h.motto, SIZE_PT.motto, true),
  );
  const right = Math.min(titles + HEADER_SLACK_MM, TEXT_WIDTH_MM - MIN_ISSUER_MM);
  return [TEXT_WIDTH_MM - right, right];
}
