import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { FormMetric, Value } from "./types.ts";

export interface FieldNote {
  text: string;
  severity: "error" | "warning";
}

interface Props {
  metric: FormMetric;
  text: string;
  previous: Value;
  notes: FieldNote[];
  /** Named by a failing rule whose message is shown under another field. */
  flagged: "error" | "warning" | null;
  readOnly: boolean;
  onChange: (text: string) => void;
}

function PreviousValue({ value, type }: { value: Value; type: string }) {
  const { t, lang } = useI18n();
  if (value === null) return <>{t.form.previousNone}</>;
  if (typeof value === "boolean") return <>{t.form.previous(value ? t.form.yes : t.form.no)}</>;
  if (typeof value === "number")
    return <>{t.form.previous(type === "percent" ? `${num(value, lang)}%` : num(value, lang))}</>;
  return <>{t.form.previous(value.length > 60 ? `${value.slice(0, 60)}…` : value)}</>;
}

/** One metric of the form: its label, the input, last period's value and what is wrong with it. */
export function MetricField({ metric: m, text, previous, notes, flagged, readOnly, onChange }: Props) {
  const { t, pick } = useI18n();
  const id = `field-${m.code}`;
  const worst = notes.some((n) => n.severity === "error") ? "error" : notes.length ? "warning" : flagged;
  const describedBy = [`${id}-prev`, notes.length ? `${id}-notes` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name: m.code,
    disabled: readOnly,
    "aria-invalid": worst === "error" ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": m.required || undefined,
  };
  return (
    <div className={`field ${worst ? `field-${worst}` : ""}`} data-metric={m.code}>
      <label htmlFor={id}>
        {pick(m.nameVi, m.nameEn)}
        {m.unitOfMeasure && <span className="unit"> ({m.unitOfMeasure})</span>}
        {m.required && (
          <span className="required" title={t.form.required}>
            {" "}
            *<span className="sr-only">{t.form.required}</span>
          </span>
        )}
      </label>
      {m.valueType === "boolean" ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.form.unset}</option>
          <option value="true">{t.form.yes}</option>
          <option value="false">{t.form.no}</option>
        </select>
      ) : m.valueType === "text" ? (
        <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <p className="field-previous" id={`${id}-prev`}>
        <PreviousValue value={previous} type={m.valueType} />
      </p>
      {notes.length > 0 && (
        <ul className="field-notes" id={`${id}-notes`}>
          {notes.map((n) => (
            <li key={n.text} className={`note-${n.severity}`}>
              {n.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
