import { formatNumber } from "../../../../src/domain/format/index.ts";
import { num, parseTyped, typedText } from "../../format.ts";
import type { Lang } from "../../i18n/index.tsx";
import type { Messages } from "../../i18n/vi.ts";
import type { Method } from "./types.ts";

/** A criterion's value as the API takes it: true/false, an option code, {a, b}, or a number. */
export type Value = boolean | number | string | { a: number; b: number } | null;

/** What a person has typed for one criterion, as text, so nothing typed is ever lost. */
export interface Draft {
  value: string;
  a: string;
  b: string;
  /** The saved answer's version the typing started from: a save over a newer one is refused. */
  version?: number;
}

export const emptyDraft: Draft = { value: "", a: "", b: "" };

const isRatio = (v: unknown): v is { a: number; b: number } =>
  typeof v === "object" && v !== null && "a" in v && "b" in v;

/** The stored value as a person would type it back. */
export function draftOf(value: unknown, lang: Lang): Draft {
  if (value === null || value === undefined) return emptyDraft;
  if (typeof value === "boolean") return { ...emptyDraft, value: String(value) };
  if (typeof value === "number") return { ...emptyDraft, value: typedText(value, lang) };
  if (isRatio(value)) return { value: "", a: typedText(value.a, lang), b: typedText(value.b, lang) };
  return { ...emptyDraft, value: String(value) };
}

/** The value to send for a draft, or `invalid` when a typed number is not a number. */
export function valueToSend(method: Method, draft: Draft, lang: Lang): { value: Value } | { invalid: true } {
  switch (method.kind) {
    case "yes_no":
      return { value: draft.value === "" ? null : draft.value === "true" };
    case "tiers":
      return { value: draft.value === "" ? null : draft.value };
    case "ratio": {
      if (draft.a.trim() === "" && draft.b.trim() === "") return { value: null };
      const a = parseTyped(draft.a, lang);
      const b = parseTyped(draft.b, lang);
      return Number.isNaN(a) || Number.isNaN(b) ? { invalid: true } : { value: { a, b } };
    }
    default: {
      if (draft.value.trim() === "") return { value: null };
      const n = parseTyped(draft.value, lang);
      return Number.isNaN(n) ? { invalid: true } : { value: n };
    }
  }
}

export const sameDraft = (x: Draft, y: Draft) => x.value === y.value && x.a === y.a && x.b === y.b;

/** An index (0–1) as the national DTI publishes it: four decimals, kept (0,7300). */
export const indexText = (value: number | null | undefined, lang: Lang): string =>
  value === null || value === undefined ? "—" : formatNumber(value, 4, lang);

/** A value for reading: "Có", "3/4", an option's label, "83,5". */
export function showValue(method: Method, value: unknown, t: Messages, lang: Lang): string {
  if (value === null || value === undefined) return t.index.noValue;
  if (typeof value === "boolean") return value ? t.index.yes : t.index.no;
  if (isRatio(value)) return t.index.ratio(num(value.a, lang), num(value.b, lang));
  if (typeof value === "number") return num(value, lang);
  if (method.kind === "tiers") {
    const option = method.options.find((o) => o.code === value);
    if (option) return lang === "en" ? option.labelEn : option.labelVi;
  }
  return String(value);
}
