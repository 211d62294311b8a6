import { type FormEvent, useState } from "react";
import { api, type BodyOf } from "../../api/client.ts";
import { useI18n } from "../../i18n/index.tsx";
import { navigate } from "../../router.tsx";
import { ActionError, codeList, Field, useAction } from "./common.tsx";
import { MetricListEditor } from "./MetricListEditor.tsx";
import { type MetricRow, metricFields, metricsBody } from "./metric-rows.ts";
import { Names } from "./plans/parts.tsx";

type Body = BodyOf<"POST /api/forms">;
const periodTypes = ["month", "quarter", "half_year", "year"] as const;
const dueKinds = ["days_after_end", "decree09"] as const;
const blank = {
  code: "",
  nameVi: "",
  nameEn: "",
  periodType: "month" as Body["periodType"],
  dueKind: "days_after_end" as Body["dueRule"]["kind"],
  dueDays: "10",
  lockAfterDays: "",
  openFrom: "",
  units: "",
};
const fields = [
  "code",
  "nameVi",
  "nameEn",
  "periodType",
  "dueRule",
  "lockAfterDays",
  "openFrom",
  "unitCodes",
  "submitterMayApprove",
];

/** A typed whole number, or null when left empty (the server answers a bad one at its field). */
const count = (text: string): number | null => (text.trim() === "" ? null : Number(text.trim()));

/** Tạo biểu mẫu: POST /api/forms with its period, due rule, metrics (with unit groups) and units. */
export function FormCreate() {
  const { t } = useI18n();
  const f = t.admin.forms;
  const e = t.formEdit;
  const action = useAction();
  const [form, setForm] = useState(blank);
  const [mayApprove, setMayApprove] = useState(false);
  const [rows, setRows] = useState<MetricRow[]>([]);
  const set = (k: keyof typeof blank) => (ev: { target: { value: string } }) =>
    setForm((x) => ({ ...x, [k]: ev.target.value }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const code = form.code.trim();
    const body: Body = {
      code,
      nameVi: form.nameVi,
      nameEn: form.nameEn.trim() || null,
      periodType: form.periodType,
      dueRule: { kind: form.dueKind, days: count(form.dueDays) as number },
      lockAfterDays: count(form.lockAfterDays),
      openFrom: form.openFrom.trim() || null,
      submitterMayApprove: mayApprove,
      metrics: metricsBody(rows),
      unitCodes: codeList(form.units),
    };
    const ok = await action.run([...fields, ...metricFields(rows)], () =>
      api.post("/api/forms", { body }).then(() => undefined),
    );
    if (ok) navigate(`/admin/forms/${encodeURIComponent(code)}`);
  };
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="form-create-title">
      <h2 id="form-create-title">{e.createTitle}</h2>
      <ActionError action={action} />
      <fieldset>
        <legend>{e.basics}</legend>
        <div className="form-grid">
          <Field label={t.admin.code} error={action.fieldError("code")}>
            {(p) => <input {...p} value={form.code} onChange={set("code")} required />}
          </Field>
          <Field label={f.periodType} error={action.fieldError("periodType")}>
            {(p) => (
              <select {...p} value={form.periodType} onChange={set("periodType")}>
                {periodTypes.map((x) => (
                  <option key={x} value={x}>
                    {f.periodTypes[x]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Names draft={form} set={set} error={action.fieldError} />
          <Field label={e.dueKind}>
            {(p) => (
              <select {...p} value={form.dueKind} onChange={set("dueKind")}>
                {dueKinds.map((x) => (
                  <option key={x} value={x}>
                    {e.dueKinds[x]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={e.dueDays} error={action.fieldError("dueRule")}>
            {(p) => <input {...p} inputMode="numeric" value={form.dueDays} onChange={set("dueDays")} />}
          </Field>
          <Field label={e.lockAfterDays} hint={e.lockHint} error={action.fieldError("lockAfterDays")}>
            {(p) => (
              <input {...p} inputMode="numeric" value={form.lockAfterDays} onChange={set("lockAfterDays")} />
            )}
          </Field>
          <Field label={e.openFrom} hint={e.openFromHint} error={action.fieldError("openFrom")}>
            {(p) => <input {...p} value={form.openFrom} onChange={set("openFrom")} />}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={mayApprove} onChange={() => setMayApprove((x) => !x)} />{" "}
          {e.submitterMayApprove}
        </label>
      </fieldset>
      <MetricListEditor rows={rows} onChange={setRows} fieldError={action.fieldError} />
      <Field label={f.units} hint={e.unitsHint} error={action.fieldError("unitCodes")}>
        {(p) => <textarea {...p} className="mono" rows={3} value={form.units} onChange={set("units")} />}
      </Field>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? e.creating : e.create}
      </button>
    </form>
  );
}
