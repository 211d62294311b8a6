import { type FormEvent, useState } from "react";
import { formatPeriod, nextPeriod, periodOf, shiftPeriod } from "../../../../src/domain/period/index.ts";
import { api, type ResponseOf } from "../../api/client.ts";
import { periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ActionError, Field, useAction } from "./common.tsx";
import { MetricListEditor } from "./MetricListEditor.tsx";
import { type MetricRow, metricFields, metricsBody } from "./metric-rows.ts";

type Form = ResponseOf<"GET /api/forms/{code}">;

/** Periods offered for a version's start: a year's worth before and after today's period. */
const SPAN = 12;

function startChoices(form: Form, today: string) {
  const current = periodOf(form.periodType, today);
  return {
    choices: Array.from({ length: 2 * SPAN + 1 }, (_, i) => formatPeriod(shiftPeriod(current, i - SPAN))),
    next: formatPeriod(nextPeriod(current)),
  };
}

/** The form's versions, oldest first: from which period each applies and how many metrics it has. */
export function FormVersions({ form }: { form: Form }) {
  const { t, lang } = useI18n();
  const e = t.formEdit;
  return (
    <>
      <h3>{e.versions}</h3>
      <ul className="form-versions">
        {form.versions.map((v) => (
          <li key={v.validFrom ?? ""} data-version={v.validFrom ?? ""}>
            {e.versionLine(v.validFrom === null ? null : periodLabel(v.validFrom, lang), v.metricCount)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Phiên bản mới: the form's metric list (order, required, unit groups) changed from a chosen
 * period on (PUT /api/forms/{code}/metrics); earlier periods keep their version. The form's
 * current rules go with it, so they stay.
 */
export function FormVersionEditor({
  form,
  today,
  onDone,
}: {
  form: Form;
  /** The server's today (GET /api/auth/me): the periods offered are around its period. */
  today: string;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const e = t.formEdit;
  const action = useAction();
  const { choices, next } = startChoices(form, today);
  const [validFrom, setValidFrom] = useState(next);
  const [rows, setRows] = useState<MetricRow[]>(() =>
    form.metrics.map((m) => ({ code: m.code, required: m.required, groups: m.groups ?? [] })),
  );
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const body = { validFrom, metrics: metricsBody(rows), rules: form.rules };
    const ok = await action.run(["validFrom", ...metricFields(rows)], () =>
      api.put("/api/forms/{code}/metrics", { params: { code: form.code }, body }).then(() => undefined),
    );
    if (ok) onDone(e.versionSaved(periodLabel(validFrom, lang)));
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="form-version-title">
      <h3 id="form-version-title">{e.versionTitle}</h3>
      <p className="muted">{e.versionIntro}</p>
      <ActionError action={action} />
      <MetricListEditor rows={rows} onChange={setRows} fieldError={action.fieldError} />
      <Field label={e.validFrom} error={action.fieldError("validFrom")}>
        {(p) => (
          <select {...p} value={validFrom} onChange={(ev) => setValidFrom(ev.target.value)}>
            {choices.map((c) => (
              <option key={c} value={c}>
                {periodLabel(c, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : e.saveVersion}
      </button>
    </form>
  );
}
