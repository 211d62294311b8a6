import type { FinalStatus, StatusCounts } from "../domain/plan/index.ts";

/**
 * Everything the plan report says, as data: the plan service computes it from the approved
 * reports, the report renderer turns it into words (Markdown, Word, PDF, Excel). Numbers are
 * raw (not formatted); a null value means "no data".
 */
export interface PlanReportData {
  plan: {
    code: string;
    nameVi: string;
    nameEn: string | null;
    year: number;
    /** The body that adopted the plan, e.g. "Ủy ban nhân dân tỉnh Đồng Tháp". */
    issuingBodyVi: string;
    issuingBodyEn: string | null;
    /** The plan's own document, e.g. "Kế hoạch số 99/KH-UBND ngày 16/03/2023". */
    documentRefVi: string | null;
  };
  /** The body writing the report (Sở TT&TT) and the province, for the document header. */
  reporter: {
    unitCode: string;
    nameVi: string;
    nameEn: string | null;
    parentNameVi: string;
    /** Its English name ("Đồng Tháp Province"), for the English header. */
    parentNameEn: string | null;
    placeVi: string;
  };
  period: { id: string; labelVi: string; labelEn: string; start: string; end: string };
  /** The day the report is dated (ISO). */
  reportDate: string;
  totals: StatusCounts;
  pillars: PillarReport[];
  documents: IssuedDocument[];
  difficulties: NarrativeGroup[];
  proposals: NarrativeGroup[];
  /** Completeness of the period's unit reports behind the figures. */
  reporting: { expected: number; approved: number; onTime: number; late: number; missing: number };
}

export interface PillarReport {
  code: string;
  nameVi: string;
  nameEn: string | null;
  counts: StatusCounts;
  indicators: IndicatorReport[];
  figures: KeyFigure[];
}

export interface IndicatorReport {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: "numeric" | "percent" | "milestone" | "unit_count";
  direction: "up" | "down";
  target: number;
  value: number | null;
  unitOfMeasureVi: string | null;
  deadline: string;
  status: FinalStatus;
  computedStatus: FinalStatus;
  overridden: boolean;
  /** Why: the override's reason, the declaration's reason, or the computed explanation. */
  reasonVi: string | null;
  reasonEn: string | null;
  /** For `dependent`: the outside body it waits on. */
  dependsOnVi: string | null;
  /** For `discontinued`: the decision that dropped it. */
  decisionVi: string | null;
  /** Sample data invented for the demo, not from the source document. */
  sample: boolean;
}

/** A key figure with, where it has one, its share of a whole: "763 … (chiếm 47,54%)". */
export interface KeyFigure {
  metricCode: string;
  labelVi: string;
  labelEn: string | null;
  value: number | null;
  unitOfMeasureVi: string | null;
  /** Percent (0–100) of `ofMetricCode`'s value, when the figure is a part of a whole. */
  sharePercent: number | null;
  ofMetricCode: string | null;
  /** The whole's value, for "19/23" (added by the plan service; optional for older fixtures). */
  ofValue?: number | null;
  /** The value at the previous period, for "compared with last month". */
  previousValue: number | null;
  /** Decimals of its percentages (45,8%), or null (optional for older fixtures): up to two. */
  decimals?: number | null;
  /** For a count shown per level: each level's count and its units ("12/12 huyện"). */
  levels?: LevelCount[] | null;
  previousLevels?: LevelCount[] | null;
}

/** Of a level's `units` (most of them of `type`, e.g. "xã"), `value` count for the figure. */
export interface LevelCount {
  level: number;
  type: string;
  value: number;
  units: number;
}

export interface IssuedDocument {
  /** e.g. "Nghị quyết số 39/NQ-HĐND". */
  number: string;
  date: string;
  issuerVi: string;
  summaryVi: string;
  summaryEn: string | null;
  pillarCode: string | null;
  /** The date or number is assumed for the demo, not given by the source (optional). */
  sample?: boolean;
}

/** One difficulty or proposal, with the units that wrote it (identical texts are grouped). */
export interface NarrativeGroup {
  text: string;
  units: { code: string; nameVi: string }[];
}

export type { FinalStatus, StatusCounts };
