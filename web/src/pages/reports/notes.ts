import { num } from "../../format.ts";
import type { useI18n } from "../../i18n/index.tsx";
import type { ReportData } from "./load.ts";
import type { FieldNote } from "./MetricField.tsx";
import type { useReportEditor } from "./useReportEditor.ts";
import type { Parsed } from "./validate.ts";

type Editor = ReturnType<typeof useReportEditor>;
type I18n = ReturnType<typeof useI18n>;

function problemText({ t, lang }: I18n, p: Parsed): string | null {
  if (p.ok) return null;
  const k = p.problem;
  switch (k.code) {
    case "not_integer":
      return t.form.invalid.integer;
    case "below_min":
      return t.form.invalid.min(num(k.bound, lang));
    case "above_max":
      return t.form.invalid.max(num(k.bound, lang));
    case "text_too_long":
      return t.form.invalid.tooLong(num(k.bound, lang));
    default:
      return t.form.invalid.number;
  }
}

export interface Notes {
  /** Notes shown under each field, by metric code. */
  notes: Map<string, FieldNote[]>;
  /** Fields a failing rule names whose message sits under another field. */
  flagged: Map<string, "error" | "warning">;
  /** Values that cannot be stored (not a number, out of range). */
  invalid: number;
  /** Required metrics left empty: they block sending, and are pointed out once sending was tried. */
  missing: number;
}

/**
 * Every note beside each field: its own problem, the message of each failing rule (under the
 * last field the rule names, in form order: usually the one just typed) and the server's refusals (`values.N.value` by the
 * order the values were sent, `metrics.CODE`).
 */
export function fieldNotes(editor: Editor, data: ReportData, attempted: boolean, i18n: I18n): Notes {
  const notes = new Map<string, FieldNote[]>();
  const flagged = new Map<string, "error" | "warning">();
  const add = (code: string, note: FieldNote) => notes.set(code, [...(notes.get(code) ?? []), note]);
  let invalid = 0;
  let missing = 0;
  for (const m of data.form.metrics) {
    const p = editor.parsed.get(m.code);
    const text = p ? problemText(i18n, p) : null;
    const empty = m.required && !(editor.typed[m.code] ?? "").trim();
    if (text) {
      invalid++;
      add(m.code, { text, severity: "error" });
    } else if (empty) {
      missing++;
      if (attempted) add(m.code, { text: i18n.t.form.invalid.requiredMissing, severity: "error" });
    }
  }
  const order = data.form.metrics.map((m) => m.code);
  for (const rule of editor.failing) {
    const [last, ...others] = [...rule.metrics].sort((a, b) => order.indexOf(b) - order.indexOf(a));
    if (last) add(last, { text: i18n.pick(rule.messageVi, rule.messageEn), severity: rule.severity });
    for (const code of others)
      if (!flagged.has(code) || rule.severity === "error") flagged.set(code, rule.severity);
  }
  for (const issue of editor.serverIssues) {
    const index = /^values\.(\d+)\./.exec(issue.path)?.[1];
    const code =
      index !== undefined ? editor.sentOrder[Number(index)] : /^metrics\.(.+)$/.exec(issue.path)?.[1];
    if (code) add(code, { text: i18n.pick(issue.message, issue.message_en), severity: "error" });
  }
  return { notes, flagged, invalid, missing };
}
