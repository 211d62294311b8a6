import type { MouseEvent } from "react";
import { useI18n } from "../../i18n/index.tsx";
import type { Rule } from "./validate.ts";

/** One note of the summary: a field's label and what is wrong with it. */
export interface FieldProblem {
  code: string;
  label: string;
  text: string;
  severity: "error" | "warning";
}

/** Moves focus to the field (a fragment link alone only scrolls, leaving focus where it was). */
function goToField(e: MouseEvent<HTMLAnchorElement>, code: string) {
  const field = document.getElementById(`field-${code}`);
  if (!field) return;
  e.preventDefault();
  field.focus();
}

/**
 * The error summary: how many errors block sending and how many warnings there are, then each
 * field concerned, in form order, as a link that moves focus to it, with its label and the problem.
 */
export function ChecksPanel({
  failing,
  fieldErrors,
  problems,
}: {
  failing: Rule[];
  fieldErrors: number;
  problems: FieldProblem[];
}) {
  const { t } = useI18n();
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
        {problems.length > 0 && (
          <>
            <p className="small">{t.form.fieldsToFix}</p>
            <ul className="rule-list">
              {problems.map((p) => (
                <li key={`${p.code}-${p.text}`} className={`note-${p.severity}`}>
                  <a href={`#field-${p.code}`} onClick={(e) => goToField(e, p.code)}>
                    {p.label}: {p.text}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
