import { type FormEvent, useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { num, parseTyped, typedText } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ActionError, Done, Field, useAction } from "./common.tsx";

type Metric = ResponseOf<"GET /api/metrics">[number];
type ValueType = Metric["valueType"];
type Aggregation = Metric["aggregation"];

const valueTypes: ValueType[] = ["integer", "number", "percent", "boolean", "text"];
const aggregations: Aggregation[] = ["sum", "average", "last", "formula", "none"];
const fields = [
  "code",
  "nameVi",
  "nameEn",
  "valueType",
  "aggregation",
  "unitOfMeasure",
  "minValue",
  "maxValue",
  "formula",
  "weightMetricCode",
  "description",
] as const;

interface Draft {
  code: string;
  nameVi: string;
  nameEn: string;
  valueType: ValueType;
  aggregation: Aggregation;
  unitOfMeasure: string;
  minValue: string;
  maxValue: string;
  formula: string;
  weightMetricCode: string;
  description: string;
}

const blank: Draft = {
  code: "",
  nameVi: "",
  nameEn: "",
  valueType: "integer",
  aggregation: "sum",
  unitOfMeasure: "",
  minValue: "",
  maxValue: "",
  formula: "",
  weightMetricCode: "",
  description: "",
};

function MetricForm({
  metric,
  onDone,
  onCancel,
}: {
  metric?: Metric;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.admin.metrics;
  const action = useAction();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft>(() =>
    metric
      ? {
          ...metric,
          nameEn: metric.nameEn ?? "",
          unitOfMeasure: metric.unitOfMeasure ?? "",
          minValue: metric.minValue === null ? "" : typedText(metric.minValue, lang),
          maxValue: metric.maxValue === null ? "" : typedText(metric.maxValue, lang),
          formula: metric.formula ?? "",
          weightMetricCode: metric.weightMetricCode ?? "",
          description: metric.description ?? "",
        }
      : blank,
  );
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bounds: Record<string, number | null> = {};
    const wrong: Record<string, string> = {};
    for (const k of ["minValue", "maxValue"] as const) {
      const text = draft[k].trim();
      const value = text === "" ? null : parseTyped(text, lang);
      if (value !== null && Number.isNaN(value)) wrong[k] = m.notNumber;
      bounds[k] = value;
    }
    setLocal(wrong);
    if (Object.keys(wrong).length) return;
    const body = {
      nameVi: draft.nameVi,
      nameEn: draft.nameEn.trim() || null,
      valueType: draft.valueType,
      aggregation: draft.aggregation,
      unitOfMeasure: draft.unitOfMeasure.trim() || null,
      minValue: bounds.minValue ?? null,
      maxValue: bounds.maxValue ?? null,
      formula: draft.formula.trim() || null,
      weightMetricCode: draft.weightMetricCode.trim() || null,
      description: draft.description.trim() || null,
    };
    const code = metric?.code ?? draft.code.trim();
    const ok = await action.run(fields, async () => {
      if (metric) await api.patch("/api/metrics/{code}", { params: { code }, body });
      else await api.post("/api/metrics", { body: { code, ...body } });
    });
    if (ok) {
      if (!metric) setDraft(blank);
      onDone(metric ? m.saved(code) : m.created(code));
    }
  };
  const error = (k: (typeof fields)[number]) => local[k] ?? action.fieldError(k);
  const titleId = metric ? `metric-edit-${metric.code}` : "metric-create";
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{metric ? m.editOf(metric.code) : m.create}</h2>
      <ActionError action={action} />
      <div className="form-grid">
        {!metric && (
          <Field label={t.admin.code} error={error("code")}>
            {(p) => <input {...p} value={draft.code} onChange={set("code")} required />}
          </Field>
        )}
        <Field label={t.admin.nameVi} error={error("nameVi")} className="wide">
          {(p) => <input {...p} value={draft.nameVi} onChange={set("nameVi")} required />}
        </Field>
        <Field label={t.admin.nameEn} error={error("nameEn")} className="wide">
          {(p) => <input {...p} value={draft.nameEn} onChange={set("nameEn")} />}
        </Field>
        <Field label={m.valueType} error={error("valueType")}>
          {(p) => (
            <select {...p} value={draft.valueType} onChange={set("valueType")}>
              {valueTypes.map((v) => (
                <option key={v} value={v}>
                  {m.valueTypes[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={m.aggregation} error={error("aggregation")}>
          {(p) => (
            <select {...p} value={draft.aggregation} onChange={set("aggregation")}>
              {aggregations.map((v) => (
                <option key={v} value={v}>
                  {m.aggregations[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={m.unitOfMeasure} error={error("unitOfMeasure")}>
          {(p) => <input {...p} value={draft.unitOfMeasure} onChange={set("unitOfMeasure")} />}
        </Field>
        <Field label={m.minValue} error={error("minValue")}>
          {(p) => <input {...p} inputMode="decimal" value={draft.minValue} onChange={set("minValue")} />}
        </Field>
        <Field label={m.maxValue} error={error("maxValue")}>
          {(p) => <input {...p} inputMode="decimal" value={draft.maxValue} onChange={set("maxValue")} />}
        </Field>
        <Field label={m.weightMetricCode} error={error("weightMetricCode")}>
          {(p) => <input {...p} value={draft.weightMetricCode} onChange={set("weightMetricCode")} />}
        </Field>
        <Field label={m.formula} hint={m.formulaHint} error={error("formula")} className="wide">
          {(p) => <input {...p} className="mono" value={draft.formula} onChange={set("formula")} />}
        </Field>
        <Field label={m.description} error={error("description")} className="wide">
          {(p) => <textarea {...p} rows={2} value={draft.description} onChange={set("description")} />}
        </Field>
      </div>
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {action.busy ? t.admin.saving : metric ? t.admin.save : m.create}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t.admin.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** The metric catalogue: list, create, edit one. */
export function MetricsAdmin() {
  const { t, lang, pick } = useI18n();
  const m = t.admin.metrics;
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const loaded = useLoad((signal) => api.get("/api/metrics", { signal }), []);
  const done = (msg: string) => {
    setMessage(msg);
    setEditing(null);
    loaded.reload();
  };
  const range = (x: Metric) =>
    x.minValue === null && x.maxValue === null ? "—" : `${num(x.minValue, lang)} – ${num(x.maxValue, lang)}`;
  const current = loaded.data?.find((x) => x.code === editing);
  return (
    <>
      <h1>{t.admin.sections.metrics}</h1>
      <Done message={message} />
      {current ? (
        <MetricForm key={current.code} metric={current} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <MetricForm onDone={done} />
      )}
      <Show loaded={loaded}>
        {(metrics) => (
          <section className="panel" aria-labelledby="metrics-title">
            <h2 id="metrics-title">{m.list}</h2>
            <ScrollRegion className="admin-scroll" label={m.list}>
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t.admin.code}</th>
                    <th scope="col">{t.admin.name}</th>
                    <th scope="col">{m.valueType}</th>
                    <th scope="col">{m.aggregation}</th>
                    <th scope="col">{m.unitOfMeasure}</th>
                    <th scope="col">{t.admin.forms.range}</th>
                    <th scope="col">{t.admin.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {metrics.map((x) => (
                    <tr key={x.code} data-metric={x.code}>
                      <td className="unit-code">{x.code}</td>
                      <td>{pick(x.nameVi, x.nameEn)}</td>
                      <td>{m.valueTypes[x.valueType]}</td>
                      <td>{m.aggregations[x.aggregation]}</td>
                      <td>{x.unitOfMeasure ?? "—"}</td>
                      <td className="num">{range(x)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={m.editOf(x.code)}
                          onClick={() => {
                            setEditing(x.code);
                            setMessage(null);
                            window.scrollTo(0, 0);
                          }}
                        >
                          {t.admin.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        )}
      </Show>
    </>
  );
}
