import {
  englishKindPlural,
  formatLongDateEn,
  formatLongDateVi,
  formatNumber,
} from "../domain/format/index.ts";
import type { IndicatorReport, KeyFigure, LevelCount } from "../plans/report-data.ts";
import { renderKey, type TemplateSet } from "./templates/index.ts";

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** The text in the data's language: English falls back to the Vietnamese when none was given. */
export function pick(set: TemplateSet, vi: string, en: string | null | undefined): string {
  return set.lang === "en" && en ? en : vi;
}

/**
 * With `decimals`, exactly that many (45,8; 83,66); without, up to two with trailing zeros
 * dropped: 1.205.780; 83,66; 45,8; 50.
 */
export function numberText(set: TemplateSet, x: number, decimals?: number | null): string {
  const text = formatNumber(x, decimals ?? 2, set.lang);
  if (decimals !== undefined && decimals !== null) return text;
  const decimal = set.lang === "vi" ? "," : ".";
  return text.includes(decimal) ? text.replace(/0+$/, "").replace(/[.,]$/, "") : text;
}

export function percentText(set: TemplateSet, x: number, decimals?: number | null): string {
  return `${numberText(set, x, decimals)}%`;
}

export function longDate(set: TemplateSet, iso: string): string {
  return set.lang === "vi" ? formatLongDateVi(iso) : formatLongDateEn(iso);
}

/** A quantity with its unit; units are Vietnamese words, so the English report leaves them out. */
function quantity(set: TemplateSet, x: number, unit: string | null): string {
  if (unit === "%") return percentText(set, x);
  return unit && set.lang === "vi" ? `${numberText(set, x)} ${unit}` : numberText(set, x);
}

/** A target or value of an indicator, in words; null is "chưa có số liệu". */
export function indicatorValueText(set: TemplateSet, ind: IndicatorReport, x: number | null): string {
  if (!finite(x)) return renderKey(set, "value.noData", {});
  if (ind.kind === "milestone") return renderKey(set, x >= 1 ? "milestone.reached" : "milestone.pending", {});
  if (ind.kind === "percent") return percentText(set, x);
  return quantity(set, x, ind.unitOfMeasureVi);
}

/** "12/12 huyện, 143/143 xã"; in English "12/12 districts, 143/143 communes". */
export function levelsText(set: TemplateSet, levels: readonly LevelCount[]): string {
  const word = (type: string) => (set.lang === "en" ? englishKindPlural(type) : type);
  return levels
    .map((l) => `${numberText(set, l.value)}/${numberText(set, l.units)} ${word(l.type)}`)
    .join(", ");
}

/** The variables of the figure.item template; a count per level reads "12/12 huyện, 143/143 xã". */
export function figureContext(set: TemplateSet, f: KeyFigure) {
  const known = finite(f.value);
  const percentUnit = f.unitOfMeasureVi === "%";
  const shown = (x: number) => (percentUnit ? percentText(set, x, f.decimals) : numberText(set, x));
  const perLevel = (l: readonly LevelCount[] | null | undefined) =>
    l && l.length > 0 ? levelsText(set, l) : null;
  const levels = known ? perLevel(f.levels) : null;
  return {
    label: pick(set, f.labelVi, f.labelEn),
    value: levels ?? (known ? shown(f.value as number) : renderKey(set, "value.noData", {})),
    unit: known && !levels && !percentUnit && set.lang === "vi" ? f.unitOfMeasureVi : null,
    whole: known && finite(f.ofValue) ? shown(f.ofValue) : null,
    share: known && finite(f.sharePercent) ? percentText(set, f.sharePercent, f.decimals) : null,
    previous: perLevel(f.previousLevels) ?? (finite(f.previousValue) ? shown(f.previousValue) : null),
  };
}

/**
 * The body's abbreviation in a document symbol: the initials of its name without "và", as
 * official symbols are formed ("Sở Thông tin và Truyền thông" → "STTTT", "Sở Kế hoạch và Đầu tư"
 * → "SKHĐT").
 */
export function abbreviation(name: string): string {
  return name
    .split(/[\s,-]+/)
    .filter((w) => w !== "" && w.toLocaleLowerCase("vi") !== "và")
    .map((w) => [...w][0]?.toLocaleUpperCase("vi") ?? "")
    .join("");
}

/**
 * The first clause of a reason, for the summary sentence, where "; " already separates the
 * indicators: "Chậm tiến độ: đạt 30% chặng đường, thời gian đã qua 60%; dự báo …" keeps the part
 * before ";". The indicator table carries the whole reason.
 */
export function firstClause(text: string): string {
  return clause(text.split(/[;\n]|\.\s/u)[0] ?? text);
}

/** Data text placed before the template's own punctuation: no trailing full stop or semicolon. */
export function clause(text: string): string {
  return text.trim().replace(/[\s.;]+$/u, "");
}
