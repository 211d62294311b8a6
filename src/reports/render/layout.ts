/**
 * The page of Decree 30/2020/NĐ-CP (Phụ lục I), shared by the Word and PDF renderers: A4
 * portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm (the low ends of the allowed
 * ranges, which give the widest text block), Times New Roman (Tinos in the PDF, same metrics).
 */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Distance from the top edge to the page number, inside the top margin. */
export const HEADER_MM = 10;

/** Sizes in points, each within the decree's range for that element. */
export const SIZE_PT = {
  /** Body text, title, subject, section headings, page numbers: 13–14 pt. */
  body: 14,
  /**
   * Cơ quan chủ quản, cơ quan ban hành, Quốc hiệu: 12–13 pt. 12 pt lets the longest names
   * ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", the Quốc hiệu) stay on one line in their columns.
   */
  header: 12,
  /** Số, ký hiệu: 13 pt. */
  number: 13,
  /** Tiêu ngữ: 13–14 pt. */
  motto: 13,
  /** "Nơi nhận:" 12 pt; its list 11 pt. */
  recipientsHeading: 12,
  recipients: 11,
  /** Tables in an appendix may be smaller. */
  table: 12,
} as const;

/** First-line indent of body paragraphs: 1–1,27 cm in practice. */
export const INDENT_MM = 10;

export const TEXT_WIDTH_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;
/** Appendix table: STT, indicator, target, value, status, reason. */
export const TABLE_COLUMNS_MM = [12, 54, 20, 20, 25, 34] as const;

export const TWIPS_PER_MM = 1440 / 25.4;
export const POINTS_PER_MM = 72 / 25.4;

export const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
export const points = (mm: number) => mm * POINTS_PER_MM;
