import { useI18n } from "../../i18n/index.tsx";
import type { Rule } from "./validate.ts";

/** The form's rules that fail now: errors block sending, warnings only warn. */
export function ChecksPanel({ failing, fieldErrors }: { failing: Rule[]; fieldErrors: number }) {
  const { t, pick } = useI18n();
  const errors = failing.filter((r) => r.severity === "error");
  const warnings = failing.filter((r) => r.severity === "warning");
  const blocking = errors.length + fieldErrors;
  return (
    <section className="panel checks" aria-labelledby="checks-title" tabIndex={-1} id="checks">
      <h2 id="checks-title">{t.form.checks}</h2>
      <div aria-live="polite">
        {blocking === 0 && warnings.length === 0 && <p className="note note-ok">{t.form.checksOk}</p>}
        {blocking > 0 && <p className="note-error-text">{t.form.errorsBlock(blocking)}</p>}
        {warnings.length > 0 && <p className="note-warning-text">{t.form.warnings(warnings.length)}</p>}
        {failing.length > 0 && (
          <ul className="rule-list">
            {failing.map((r) => (
              <li key={r.code} className={`note-${r.severity}`}>
                <a href={`#field-${r.metrics.at(-1) ?? ""}`}>{pick(r.messageVi, r.messageEn)}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
