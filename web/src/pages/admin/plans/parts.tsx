// Shared pieces of the plans administration: types, typed numbers, drafts, choices, names.
import { useState } from "react";
import type { BodyOf, ResponseOf } from "../../../api/client.ts";
import { parseTyped } from "../../../format.ts";
import { type Lang, useI18n } from "../../../i18n/index.tsx";
import { Field } from "../common.tsx";

export type Plan = ResponseOf<"GET /api/plans/{code}">;
export type Indicator = Plan["indicators"][number];
export type Status = Plan["status"];
export type IndicatorBody = BodyOf<"POST /api/plans/{code}/indicators">;
export type Kind = IndicatorBody["kind"];
export type Source = IndicatorBody["source"];

export const statuses: Status[] = ["draft", "active", "closed"];
export const kinds: Kind[] = ["percent", "numeric", "unit_count", "milestone"];
export const sources: Source[] = ["formula", "progress"];

/**
 * Numbers typed in the user's language; each wrong one gets a message under its field.
 * Empty text is null (the caller decides whether null is allowed).
 */
export function typedNumbers<K extends string>(
  texts: Record<K, string>,
  lang: Lang,
  notNumber: string,
): { values: Record<K, number | null>; wrong: Record<string, string> } {
  const values = {} as Record<K, number | null>;
  const wrong: Record<string, string> = {};
  for (const k of Object.keys(texts) as K[]) {
    const text = texts[k].trim();
    const value = text === "" ? null : parseTyped(text, lang);
    if (value !== null && Number.isNaN(value)) wrong[k] = notNumber;
    values[k] = value;
  }
  return { values, wrong };
}

/** A form's typed text, one field at a time. */
export function useDraft<D extends Record<string, string>>(initial: D) {
  const [draft, setDraft] = useState(initial);
  const set = (k: keyof D) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return { draft, setDraft, set };
}

type Change = (e: { target: { value: string } }) => void;

/** A labelled choice among `options`, each shown by its label. */
export function Choice<T extends string>(props: {
  label: string;
  hint?: string;
  error?: string;
  value: T;
  options: readonly T[];
  labels: Record<string, string>;
  onChange: Change;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(f) => (
        <select {...f} value={props.value} onChange={props.onChange}>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.labels[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The Vietnamese (required) and English names of a plan, pillar or indicator. */
export function Names({
  draft,
  set,
  error,
  wide = true,
}: {
  draft: { nameVi: string; nameEn: string };
  set: (k: "nameVi" | "nameEn") => Change;
  error: (k: "nameVi" | "nameEn") => string | undefined;
  wide?: boolean;
}) {
  const { t } = useI18n();
  const className = wide ? "wide" : undefined;
  return (
    <>
      <Field label={t.admin.nameVi} error={error("nameVi")} className={className}>
        {(f) => <input {...f} value={draft.nameVi} onChange={set("nameVi")} required />}
      </Field>
      <Field label={t.admin.nameEn} error={error("nameEn")} className={className}>
        {(f) => <input {...f} value={draft.nameEn} onChange={set("nameEn")} />}
      </Field>
    </>
  );
}
