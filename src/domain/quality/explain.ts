import { formatNumber, type Lang } from "../format/number.ts";
import type { ExpectedRange, QualityMetric, QualityRule } from "./rules.ts";

export interface Explained {
  rule: QualityRule;
  metric: QualityMetric;
  value: number;
  expected: ExpectedRange;
  basis: number;
  previous?: number | undefined;
  centre?: number | undefined;
}

/** A value as its metric shows it: integers whole, other numbers with up to 2 decimals, percents with %. */
function shown(x: number, metric: QualityMetric, lang: Lang): string {
  const whole = metric.valueType === "integer" || Number.isInteger(Math.round(x * 100) / 100);
  const text = formatNumber(x, whole ? 0 : 2, lang);
  return metric.valueType === "percent" ? `${text}%` : text;
}

const signed = (text: string) => (text.startsWith("-") ? text : `+${text}`);

function change(e: Explained, lang: Lang): string {
  const previous = e.previous ?? 0;
  const delta = signed(
    shown(
      e.value - previous,
      { ...e.metric, valueType: e.metric.valueType === "percent" ? "number" : e.metric.valueType },
      lang,
    ),
  );
  if (previous === 0) return delta;
  const pct = signed(formatNumber(((e.value - previous) / Math.abs(previous)) * 100, 2, lang));
  return `${delta}; ${pct}%`;
}

/** The Vietnamese and English sentences of a flag, numbers written each language's way (1.205.780 / 1,205,780). */
export function explain(e: Explained): { vi: string; en: string } {
  const vi = (x: number) => shown(x, e.metric, "vi");
  const en = (x: number) => shown(x, e.metric, "en");
  const rangeVi = `${vi(e.expected.low)} – ${vi(e.expected.high)}`;
  const rangeEn = `${en(e.expected.low)} – ${en(e.expected.high)}`;
  switch (e.rule) {
    case "history_range":
      return {
        vi: `Giá trị ${vi(e.value)} nằm ngoài khoảng thường gặp của đơn vị (${rangeVi}, tính từ ${formatNumber(e.basis, 0, "vi")} kỳ trước).`,
        en: `The value ${en(e.value)} is outside the unit's usual range (${rangeEn}, from its ${formatNumber(e.basis, 0, "en")} earlier periods).`,
      };
    case "month_change":
      return {
        vi: `Thay đổi bất thường so với kỳ trước: từ ${vi(e.previous ?? 0)} thành ${vi(e.value)} (${change(e, "vi")}); theo ${formatNumber(e.basis, 0, "vi")} lần thay đổi trước, kỳ này thường trong khoảng ${rangeVi}.`,
        en: `Unusual change from the previous period: from ${en(e.previous ?? 0)} to ${en(e.value)} (${change(e, "en")}); after its ${formatNumber(e.basis, 0, "en")} earlier changes it would usually be ${rangeEn}.`,
      };
    case "peer_group":
      return {
        vi: `Giá trị ${vi(e.value)} khác xa các đơn vị cùng nhóm (${formatNumber(e.basis, 0, "vi")} đơn vị, trung vị ${vi(e.centre ?? 0)}, khoảng thường gặp ${rangeVi}).`,
        en: `The value ${en(e.value)} is far from its group's (${formatNumber(e.basis, 0, "en")} units, median ${en(e.centre ?? 0)}, usual range ${rangeEn}).`,
      };
  }
}

/** A flagged value without a note: the entry form asks for one (the save is not refused). */
export const needsComment = {
  vi: "Giá trị bất thường: hãy ghi chú giải thích (hoặc sửa lại nếu nhập nhầm).",
  en: "Unusual value: add a note explaining it (or correct it if it was mistyped).",
};
