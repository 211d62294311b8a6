import { type FormEvent, useState } from "react";
import { groupNames } from "../../../../src/domain/forms/index.ts";
import { api, type ResponseOf } from "../../api/client.ts";
import { ErrorNote, ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { ActionError, codeList, Done, Field, useAction, useProvinceAdmin } from "./common.tsx";
import { FormCreate } from "./FormCreate.tsx";
import { FormVersionEditor, FormVersions } from "./FormVersion.tsx";

type Form = ResponseOf<"GET /api/forms/{code}">;
type Severity = Form["rules"][number]["severity"];

/** What a user who may not change province-wide forms is told instead of the buttons. */
function ReadOnlyNote() {
  const { t } = useI18n();
  return <p className="note">{t.formEdit.provinceOnly}</p>;
}

/** Every form with its period, metric and unit counts; a province admin creates one below. */
export function FormsAdmin() {
  const { t, pick } = useI18n();
  const f = t.admin.forms;
  const mayChange = useProvinceAdmin();
  const loaded = useLoad((signal) => api.get("/api/forms", { signal }), []);
  return (
    <>
      <h1>{t.admin.sections.forms}</h1>
      {mayChange === false && <ReadOnlyNote />}
      <Show loaded={loaded}>
        {(forms) => (
          <section className="panel" aria-labelledby="forms-title">
            <h2 id="forms-title">{f.list}</h2>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t.admin.code}</th>
                  <th scope="col">{t.admin.name}</th>
                  <th scope="col">{f.periodType}</th>
                  <th scope="col" className="num">
                    {f.metricCount}
                  </th>
                  <th scope="col" className="num">
                    {f.unitCount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {forms.map((x) => (
                  <tr key={x.code} data-form={x.code}>
                    <td>
                      <Link to={`/admin/forms/${encodeURIComponent(x.code)}`}>{x.code}</Link>
                    </td>
                    <td>{pick(x.nameVi, x.nameEn)}</td>
                    <td>{f.periodTypes[x.periodType] ?? x.periodType}</td>
                    <td className="num">{x.metricCount}</td>
                    <td className="num">{x.unitCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Show>
      {mayChange && <FormCreate />}
    </>
  );
}

const ruleFields = ["code", "expression", "severity", "messageVi", "messageEn"] as const;

function AddRule({ form, onDone }: { form: Form; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const f = t.admin.forms;
  const action = useAction();
  const blank = { code: "", expression: "", severity: "warning" as Severity, messageVi: "", messageEn: "" };
  const [rule, setRule] = useState(blank);
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setRule((r) => ({ ...r, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = rule.code.trim();
    const ok = await action.run(ruleFields, () =>
      api
        .post("/api/forms/{code}/rules", { params: { code: form.code }, body: { ...rule, code } })
        .then(() => undefined),
    );
    if (ok) {
      setRule(blank);
      onDone(f.ruleAdded(code));
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="rule-add-title">
      <h3 id="rule-add-title">{f.addRule}</h3>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={action.fieldError("code")}>
          {(p) => <input {...p} value={rule.code} onChange={set("code")} required />}
        </Field>
        <Field label={f.severity} error={action.fieldError("severity")}>
          {(p) => (
            <select {...p} value={rule.severity} onChange={set("severity")}>
              {(["error", "warning"] as const).map((s) => (
                <option key={s} value={s}>
                  {f.severities[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={f.expression}
          hint={f.expressionHint}
          error={action.fieldError("expression")}
          className="wide"
        >
          {(p) => (
            <textarea
              {...p}
              className="mono"
              rows={2}
              spellCheck={false}
              value={rule.expression}
              onChange={set("expression")}
              required
            />
          )}
        </Field>
        <Field label={f.messageVi} error={action.fieldError("messageVi")} className="wide">
          {(p) => <input {...p} value={rule.messageVi} onChange={set("messageVi")} required />}
        </Field>
        <Field label={f.messageEn} error={action.fieldError("messageEn")} className="wide">
          {(p) => <input {...p} value={rule.messageEn} onChange={set("messageEn")} required />}
        </Field>
      </div>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : f.addRule}
      </button>
    </form>
  );
}

function Rules({
  form,
  mayChange,
  onChanged,
}: {
  form: Form;
  mayChange: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, pick } = useI18n();
  const f = t.admin.forms;
  const [error, setError] = useState<unknown>(null);
  const remove = async (code: string) => {
    if (!window.confirm(f.confirmDelete(code))) return;
    setError(null);
    try {
      await api.delete("/api/forms/{code}/rules/{rule}", { params: { code: form.code, rule: code } });
      onChanged(f.ruleDeleted(code));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">{f.rules}</h2>
      {error ? <ErrorNote error={error} /> : null}
      {form.rules.length === 0 ? (
        <p className="muted">{f.noRules}</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t.admin.code}</th>
              <th scope="col">{f.expression}</th>
              <th scope="col">{f.severity}</th>
              <th scope="col">{t.admin.name}</th>
              {mayChange && <th scope="col">{t.admin.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {form.rules.map((r) => (
              <tr key={r.code} data-rule={r.code}>
                <td className="unit-code">{r.code}</td>
                <td>
                  <code>{r.expression}</code>
                </td>
                <td>
                  <span className={`badge ${r.severity === "error" ? "badge-returned" : "badge-submitted"}`}>
                    {f.severities[r.severity]}
                  </span>
                </td>
                <td>{pick(r.messageVi, r.messageEn)}</td>
                {mayChange && (
                  <td>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={f.deleteRule(r.code)}
                      onClick={() => void remove(r.code)}
                    >
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayChange && <AddRule form={form} onDone={onChanged} />}
    </section>
  );
}

function FormUnits({ form, onDone }: { form: Form; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const f = t.admin.forms;
  const action = useAction();
  const [text, setText] = useState(form.unitCodes.join(", "));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unitCodes = codeList(text);
    const ok = await action.run(["unitCodes"], () =>
      api
        .put("/api/forms/{code}/units", { params: { code: form.code }, body: { unitCodes } })
        .then(() => undefined),
    );
    if (ok) onDone(f.unitsSaved(unitCodes.length));
  };
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="form-units-title">
      <h2 id="form-units-title">
        {f.units} ({form.unitCodes.length})
      </h2>
      <ActionError action={action} />
      <Field label={f.units} hint={f.unitsHint} error={action.fieldError("unitCodes")}>
        {(p) => (
          <textarea {...p} className="mono" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? t.admin.saving : f.unitsSave}
      </button>
    </form>
  );
}

/** One form: its metrics, the units that report it, its validation rules (add with the parser's answer, delete). */
export function FormDetail({ code }: { code: string }) {
  const { t, lang, pick } = useI18n();
  const f = t.admin.forms;
  const mayChange = useProvinceAdmin();
  const { me } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad((signal) => api.get("/api/forms/{code}", { params: { code }, signal }), [code]);
  const changed = (m: string) => {
    setMessage(m);
    loaded.reload();
  };
  return (
    <>
      <p>
        <Link to="/admin/forms">← {f.back}</Link>
      </p>
      <Show loaded={loaded}>
        {(form) => (
          <>
            <h1>
              {pick(form.nameVi, form.nameEn)} <span className="unit-code">{form.code}</span>
            </h1>
            <p className="muted">
              {f.periodType}: {f.periodTypes[form.periodType] ?? form.periodType} ·{" "}
              {f.validFrom(form.validFrom)}
            </p>
            <Done message={message} />
            {mayChange === false && <ReadOnlyNote />}
            <section className="panel" aria-labelledby="form-metrics-title">
              <h2 id="form-metrics-title">{f.metrics}</h2>
              <ScrollRegion className="admin-scroll" label={f.metrics}>
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t.admin.code}</th>
                      <th scope="col">{t.admin.name}</th>
                      <th scope="col">{t.admin.metrics.valueType}</th>
                      <th scope="col">{t.admin.metrics.unitOfMeasure}</th>
                      <th scope="col">{f.range}</th>
                      <th scope="col">{f.required}</th>
                      <th scope="col">{f.groups}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {form.metrics.map((m) => (
                      <tr key={m.code}>
                        <td className="unit-code">{m.code}</td>
                        <td>{pick(m.nameVi, m.nameEn)}</td>
                        <td>{t.admin.metrics.valueTypes[m.valueType]}</td>
                        <td>{m.unitOfMeasure ?? "—"}</td>
                        <td className="num">
                          {m.minValue === null && m.maxValue === null
                            ? "—"
                            : `${num(m.minValue, lang)} – ${num(m.maxValue, lang)}`}
                        </td>
                        <td>{m.required ? t.form.yes : t.form.no}</td>
                        <td>
                          {m.groups
                            ? m.groups
                                .map((g) => (lang === "vi" ? groupNames[g].vi : groupNames[g].en))
                                .join(", ")
                            : f.allGroups}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <FormVersions form={form} />
              {mayChange && me && (
                <FormVersionEditor
                  key={`${form.validFrom}:${form.metrics.map((m) => m.code).join(",")}`}
                  form={form}
                  today={me.today}
                  onDone={changed}
                />
              )}
            </section>
            <Rules form={form} mayChange={mayChange === true} onChanged={changed} />
            {mayChange ? (
              <FormUnits key={form.unitCodes.join(",")} form={form} onDone={changed} />
            ) : (
              <section className="panel" aria-labelledby="form-units-title">
                <h2 id="form-units-title">
                  {f.units} ({form.unitCodes.length})
                </h2>
                <p className="mono">{form.unitCodes.join(", ")}</p>
              </section>
            )}
          </>
        )}
      </Show>
    </>
  );
}
