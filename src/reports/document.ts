import type { FinalStatus, StatusCounts } from "../plans/report-data.ts";
import type { ReportLang } from "./templates/index.ts";

/**
 * The report as words and tables, independent of any file format: what composeReport writes
 * and every renderer (Markdown, Word, PDF, Excel) lays out.
 */
export interface ReportDocument {
  readonly lang: ReportLang;
  readonly header: DocumentHeader;
  /** "BÁO CÁO" and the subject line. */
  readonly title: { readonly kind: string; readonly subject: string };
  readonly opening: readonly string[];
  /** Numbered I., II., … */
  readonly sections: readonly Section[];
  readonly closing: string;
  readonly recipients: { readonly heading: string; readonly lines: readonly string[] };
  /** The signer's title, one entry per line ("GIÁM ĐỐC"). */
  readonly signature: readonly string[];
  /** The signer's name under the space to sign, or null when it is written by hand. */
  readonly signer: string | null;
  readonly appendix: Appendix;
  readonly tables: ReportTables;
}

/** The heading block of Decree 30/2020: issuing body on the left, national title on the right. */
export interface DocumentHeader {
  /** Cơ quan chủ quản, upper case: "UBND TỈNH ĐỒNG THÁP". */
  readonly parentBody: string;
  /** Cơ quan ban hành, upper case: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  readonly issuingBody: string;
  /** "Số: …/BC-STTTT". */
  readonly number: string;
  readonly nation: string;
  readonly motto: string;
  /** "Đồng Tháp, ngày 05 tháng 10 năm 2023". */
  readonly placeDate: string;
}

export interface Section {
  /** Roman numeral: "I". */
  readonly number: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
  readonly subsections: readonly Subsection[];
}

export interface Subsection {
  /** Arabic numeral within the section: "1". */
  readonly number: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  /** Lines set off with a dash, as official documents list items. */
  | { readonly kind: "list"; readonly intro: string; readonly items: readonly string[] };

export interface Appendix {
  readonly title: string;
  readonly subject: string;
  readonly reference: string;
  readonly table: IndicatorTable;
}

/** The indicator table, grouped by pillar; every cell already in words. */
export interface IndicatorTable {
  readonly columns: readonly string[];
  readonly groups: readonly {
    readonly number: string;
    readonly heading: string;
    readonly rows: readonly (readonly string[])[];
  }[];
}

/** The same facts with raw numbers, for the spreadsheet. */
export interface ReportTables {
  readonly indicators: readonly IndicatorRow[];
  readonly figures: readonly FigureRow[];
  readonly pillars: readonly { readonly name: string; readonly counts: StatusCounts }[];
  readonly totals: StatusCounts;
  readonly statusNames: Readonly<Record<FinalStatus, string>>;
}

export interface IndicatorRow {
  readonly pillar: string;
  readonly code: string;
  readonly name: string;
  /** A number, or for a milestone its state in words ("Hoàn thành"). */
  readonly target: number | string;
  readonly value: number | string | null;
  readonly unit: string;
  readonly status: FinalStatus;
  /** The status in words, with "(điều chỉnh)" when a person overrode it. */
  readonly statusText: string;
  readonly reason: string;
  readonly sample: boolean;
}

export interface FigureRow {
  readonly pillar: string;
  readonly code: string;
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  /** Percent 0–100. */
  readonly share: number | null;
  readonly previous: number | null;
}
