import { useI18n } from "../../i18n/index.tsx";
import type { Method } from "./types.ts";
import type { Draft } from "./values.ts";

interface Props {
  id: string;
  label: string;
  method: Method;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The id of the element that explains an error, when there is one. */
  errorId?: string;
  disabled?: boolean;
}

/** The input a criterion's scoring rule needs: yes/no, one option, "a of b", or a number. */
export function ValueInput({ id, label, method, draft, onChange, errorId, disabled }: Props) {
  const { t, lang } = useI18n();
  const aria = {
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": errorId,
    disabled,
  };
  if (method.kind === "ratio") {
    return (
      <fieldset className="ratio-input">
        <legend>{label}</legend>
        <label htmlFor={`${id}-a`}>{t.index.ratioA}</label>
        <input
          id={`${id}-a`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.a}
          onChange={(e) => onChange({ ...draft, a: e.target.value })}
          {...aria}
        />
        <label htmlFor={`${id}-b`}>{t.index.ratioB}</label>
        <input
          id={`${id}-b`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.b}
          onChange={(e) => onChange({ ...draft, b: e.target.value })}
          {...aria}
        />
      </fieldset>
    );
  }
  return (
    <div className="field-stacked">
      <label htmlFor={id}>{label}</label>
      {method.kind === "yes_no" || method.kind === "tiers" ? (
        <select
          id={id}
          value={draft.value}
          onChange={(e) => onChange({ ...draft, value: e.target.value })}
          {...aria}
        >
          <option value="">{t.index.choose}</option>
          {method.kind === "yes_no" ? (
            <>
              <option value="true">{t.index.yes}</option>
              <option value="false">{t.index.no}</option>
            </>
          ) : (
            method.options.map((o) => (
              <option key={o.code} value={o.code}>
                {lang === "en" ? o.labelEn : o.labelVi}
              </option>
            ))
          )}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.value}
          onChange={(e) => onChange({ ...draft, value: e.target.value })}
          {...aria}
        />
      )}
    </div>
  );
}
