import { formatDateVi, formatNumberVi } from "../../domain/format/index.ts";
import type { AssessmentHeader, GroupRanking, RankingRow } from "../ranking-view.ts";

/**
 * The ranking table's columns, shared by every output: Markdown and Word print the formatted
 * text, Excel writes the raw number with a number format, so a cell stays a number there.
 */
export interface Column {
  header: string;
  /** Decimals of a numeric column; undefined for text. */
  digits?: number;
  /** Shown with its sign (+5,00): a change. */
  signed?: boolean;
  get(row: RankingRow): number | string | null;
}

export const POINT_DIGITS = 2;
export const INDEX_DIGITS = 4;

const signed = (n: number, digits: number) => (n > 0 ? "+" : "") + formatNumberVi(n, digits);

/** "+2 bậc" / "−1 bậc" / "=" against last year, or "mới" for a unit not ranked last year. */
function rankChangeText(row: RankingRow): string {
  const c = row.change;
  if (c === null || c.previousRank === null) return "mới";
  if (c.rankChange === null) return "đổi nhóm";
  if (c.rankChange === 0) return "giữ hạng";
  return `${c.rankChange > 0 ? "tăng" : "giảm"} ${Math.abs(c.rankChange)} bậc`;
}

const selfColumns: Column[] = [
  { header: "Tự đánh giá", digits: POINT_DIGITS, get: (r) => r.selfTotal },
  { header: "Chênh lệch", digits: POINT_DIGITS, signed: true, get: (r) => r.difference },
];

/**
 * Rank, unit, total, index, then (unless `official`) the self-assessed total and the
 * difference, the pillars, and last year's figures when there are some. The official annex
 * shows the approved results only.
 */
export function rankingColumns(group: GroupRanking, withPrevious: boolean, official = false): Column[] {
  const pillars = group.pillars.map(
    (p): Column => ({
      header: `${p.nameVi} (${formatNumberVi(p.maxPoints)})`,
      digits: POINT_DIGITS,
      get: (row) => row.pillars.find((x) => x.code === p.code)?.points ?? null,
    }),
  );
  const previous: Column[] = withPrevious
    ? [
        { header: "Điểm năm trước", digits: POINT_DIGITS, get: (r) => r.change?.previousTotal ?? null },
        { header: "Hạng năm trước", digits: 0, get: (r) => r.change?.previousRank ?? null },
        { header: "So với năm trước", get: rankChangeText },
      ]
    : [];
  return [
    { header: "Hạng", digits: 0, get: (r) => r.rank },
    { header: "Đơn vị", get: (r) => r.nameVi },
    { header: "Tổng điểm", digits: POINT_DIGITS, get: (r) => r.total },
    { header: "Chỉ số (0–1)", digits: INDEX_DIGITS, get: (r) => r.index },
    ...(official ? [] : selfColumns),
    ...pillars,
    ...previous,
  ];
}

/** A cell as text, numbers in Vietnamese style: 914,31; 0,9143; a difference signed (−5,00). */
export function cellText(column: Column, row: RankingRow): string {
  const v = column.get(row);
  if (v === null) return "";
  if (typeof v !== "number") return v;
  return column.signed ? signed(v, column.digits ?? 0) : formatNumberVi(v, column.digits ?? 0);
}

export const differenceText = (n: number) => signed(n, POINT_DIGITS);

/** "Nhóm: Sở, ngành có cung cấp dịch vụ công — tối đa 1.000 điểm". */
export const groupHeading = (g: GroupRanking) => `${g.nameVi} (tối đa ${formatNumberVi(g.maxTotal)} điểm)`;

/** The line naming the decision, or saying that the figures are provisional. */
export function statusLine(h: AssessmentHeader): string {
  if (h.decision) {
    return (
      `Kèm theo Quyết định số ${h.decision.number} ngày ${formatDateVi(h.decision.date)}; ` +
      `công bố ngày ${formatDateVi(h.decision.announcedOn)}`
    );
  }
  return "Kết quả tạm thời, chưa được công bố (Provisional: not yet published)";
}
