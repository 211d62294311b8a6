import { formatDateEn, formatDateVi, formatNumber } from "../../src/domain/format/index.ts";
import { labelEn, labelVi, tryParsePeriod } from "../../src/domain/period/index.ts";
import type { Lang } from "./i18n/index.tsx";

/** A figure as officials write it: at most two decimals, trailing zeros dropped (1.205.780; 83,66). */
export function num(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = formatNumber(value, digits, lang);
  const decimal = lang === "vi" ? "," : ".";
  return text.includes(decimal) ? text.replace(/0+$/, "").replace(/[.,]$/, "") : text;
}

export const pct = (value: number | null | undefined, lang: Lang): string =>
  value === null || value === undefined ? "—" : `${num(value, lang)}%`;

/** A signed change: "+15", "−2,5". */
export function signed(value: number, lang: Lang): string {
  if (value === 0) return "0";
  return `${value > 0 ? "+" : "−"}${num(Math.abs(value), lang)}`;
}

export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const day = iso.slice(0, 10);
  return lang === "vi" ? formatDateVi(day) : formatDateEn(day);
}

/** A moment as local time of day: "14:32". */
export function time(moment: Date, lang: Lang): string {
  return moment.toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** "Tháng 9/2023" / "Sep 2023" for a period id. */
export function periodLabel(id: string, lang: Lang): string {
  const parsed = tryParsePeriod(id);
  if (!parsed.ok) return id;
  return lang === "vi" ? labelVi(parsed.period) : labelEn(parsed.period);
}

/** A short month label for grid headers: "9/2023" / "Sep 23". */
export function shortMonth(id: string, lang: Lang): string {
  const month = Number(id.slice(4, 6));
  return lang === "vi" ? `${month}/${id.slice(0, 4)}` : periodLabel(id, lang);
}

/**
 * A number typed by a person. Vietnamese writes 1.205.780 and 47,5; English 1,205,780 and 47.5.
 * Returns NaN when it is not a number.
 */
export function parseTyped(text: string, lang: Lang): number {
  const s = text.replace(/\s/g, "");
  if (s === "") return Number.NaN;
  const group = lang === "vi" ? "." : ",";
  const decimal = lang === "vi" ? "," : ".";
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = s.match(grouped) ? s.split(group).join("") : s;
  const normal = plain.replace(decimal, ".");
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A stored number as a person would type it back (no grouping, the language's decimal mark). */
export function typedText(value: number, lang: Lang): string {
  const text = String(value);
  return lang === "vi" ? text.replace(".", ",") : text;
}
