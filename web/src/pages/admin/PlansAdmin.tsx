import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type BodyOf, type ResponseOf } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { date, num, parseTyped, typedText } from "../../format.ts";
import { type Lang, useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { ActionError, Done, Field, useAction } from "./common.tsx";
import { codeList } from "./UnitsAdmin.tsx";

type Plan = ResponseOf<"GET /api/plans/{code}">;
type Indicator = Plan["indicators"][number];
type Status = Plan["status"];
type IndicatorBody = BodyOf<"POST /api/plans/{code}/indicators">;
type Kind = IndicatorBody["kind"];
type Source = IndicatorBody["source"];

const statuses: Status[] = ["draft", "active", "closed"];
const kinds: Kind[] = ["percent", "numeric", "unit_count", "milestone"];
const sources: Source[] = ["formula", "progress"];

/**
 * Numbers typed in the user's language; each wrong one gets a message under its field.
 * Empty text is null (the caller decides whether null is allowed).
 */
function typedNumbers<K extends string>(
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
function useDraft<D extends Record<string, string>>(initial: D) {
  const [draft, setDraft] = useState(initial);
  const set = (k: keyof D) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return { draft, setDraft, set };
}

type Change = (e: { target: { value: string } }) => void;

/** A labelled choice among `options`, each shown by its label. */
function Choice<T extends string>(props: {
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
function Names({
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

const planFields = [
  "code",
  "nameVi",
  "nameEn",
  "year",
  "status",
  "issuingBodyVi",
  "documentRefVi",
  "scopeUnitCode",
  "reportingUnitCode",
] as const;

function PlanCreate({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const p = t.admin.plans;
  const action = useAction();
  const blank = {
    code: "",
    nameVi: "",
    nameEn: "",
    year: String(new Date().getFullYear()),
    status: "draft" as Status,
    issuingBodyVi: "",
    documentRefVi: "",
    scopeUnitCode: "",
    reportingUnitCode: "",
  };
  const { draft, setDraft, set } = useDraft(blank);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = draft.code.trim();
    const ok = await action.run(planFields, () =>
      api
        .post("/api/plans", {
          body: {
            ...draft,
            code,
            year: draft.year.trim() === "" ? Number.NaN : Number(draft.year),
            nameEn: draft.nameEn.trim() || null,
            documentRefVi: draft.documentRefVi.trim() || null,
          },
        })
        .then(() => undefined),
    );
    if (ok) {
      setDraft(blank);
      onDone(p.created(code));
    }
  };
  const error = action.fieldError;
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="plan-create">
      <h2 id="plan-create">{p.create}</h2>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={error("code")}>
          {(f) => <input {...f} value={draft.code} onChange={set("code")} required />}
        </Field>
        <Field label={p.year} error={error("year")}>
          {(f) => <input {...f} inputMode="numeric" value={draft.year} onChange={set("year")} required />}
        </Field>
        <Choice
          label={p.status}
          error={error("status")}
          value={draft.status}
          options={statuses}
          labels={p.statuses}
          onChange={set("status")}
        />
        <Names draft={draft} set={set} error={error} />
        <Field label={p.issuingBodyVi} error={error("issuingBodyVi")} className="wide">
          {(f) => <input {...f} value={draft.issuingBodyVi} onChange={set("issuingBodyVi")} required />}
        </Field>
        <Field
          label={p.documentRefVi}
          hint={p.documentRefHint}
          error={error("documentRefVi")}
          className="wide"
        >
          {(f) => <input {...f} value={draft.documentRefVi} onChange={set("documentRefVi")} />}
        </Field>
        <Field label={p.scopeUnit} hint={p.scopeUnitHint} error={error("scopeUnitCode")}>
          {(f) => <input {...f} value={draft.scopeUnitCode} onChange={set("scopeUnitCode")} required />}
        </Field>
        <Field label={p.reportingUnit} hint={p.reportingUnitHint} error={error("reportingUnitCode")}>
          {(f) => (
            <input {...f} value={draft.reportingUnitCode} onChange={set("reportingUnitCode")} required />
          )}
        </Field>
      </div>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : p.create}
      </button>
    </form>
  );
}

/** Every plan with its year, status and units; a form to create one. */
export function PlansAdmin() {
  const { t, pick } = useI18n();
  const p = t.admin.plans;
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad((signal) => api.get("/api/plans", { signal }), []);
  return (
    <>
      <h1>{t.admin.sections.plans}</h1>
      <Done message={message} />
      <Show loaded={loaded}>
        {(plans) => (
          <section className="panel" aria-labelledby="plans-title">
            <h2 id="plans-title">{p.list}</h2>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t.admin.code}</th>
                  <th scope="col">{t.admin.name}</th>
                  <th scope="col" className="num">
                    {p.year}
                  </th>
                  <th scope="col">{p.status}</th>
                  <th scope="col">{p.scopeUnit}</th>
                  <th scope="col">{p.reportingUnit}</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((x) => (
                  <tr key={x.code} data-plan={x.code}>
                    <td>
                      <Link to={`/admin/plans/${encodeURIComponent(x.code)}`}>{x.code}</Link>
                    </td>
                    <td>{pick(x.nameVi, x.nameEn)}</td>
                    <td className="num">{x.year}</td>
                    <td>
                      <span className={`badge plan-status-${x.status}`}>{p.statuses[x.status]}</span>
                    </td>
                    <td>{pick(x.scopeUnit.nameVi, x.scopeUnit.nameEn)}</td>
                    <td>{pick(x.reportingUnit.nameVi, x.reportingUnit.nameEn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Show>
      <PlanCreate
        onDone={(m) => {
          setMessage(m);
          loaded.reload();
        }}
      />
    </>
  );
}

function PlanStatus({ plan, onDone }: { plan: Plan; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const p = t.admin.plans;
  const action = useAction();
  const [status, setStatus] = useState<Status>(plan.status);
  // The status stored by the last change here (the plan is read again a moment later).
  const [saved, setSaved] = useState<Status>(plan.status);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(["status"], () =>
      api.patch("/api/plans/{code}", { params: { code: plan.code }, body: { status } }).then(() => undefined),
    );
    if (ok) {
      setSaved(status);
      onDone(p.statusSaved(p.statuses[status] ?? status));
    }
  };
  return (
    <form className="admin-form plan-status" onSubmit={submit} noValidate aria-label={p.changeStatus}>
      <ActionError action={action} />
      <Choice
        label={p.status}
        hint={p.statusHint}
        error={action.fieldError("status")}
        value={status}
        options={statuses}
        labels={p.statuses}
        onChange={(e) => setStatus(e.target.value as Status)}
      />
      <button type="submit" className="button" disabled={action.busy || status === saved}>
        {action.busy ? t.admin.saving : p.changeStatus}
      </button>
    </form>
  );
}

function AddPillar({ plan, onDone }: { plan: Plan; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const p = t.admin.plans;
  const action = useAction();
  const blank = { code: "", nameVi: "", nameEn: "" };
  const { draft, setDraft, set } = useDraft(blank);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = draft.code.trim();
    const ok = await action.run(["code", "nameVi", "nameEn"], () =>
      api
        .post("/api/plans/{code}/pillars", {
          params: { code: plan.code },
          body: { code, nameVi: draft.nameVi, nameEn: draft.nameEn.trim() || null },
        })
        .then(() => undefined),
    );
    if (ok) {
      setDraft(blank);
      onDone(p.pillarAdded(code));
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="pillar-add">
      <h3 id="pillar-add">{p.addPillar}</h3>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={action.fieldError("code")}>
          {(f) => <input {...f} value={draft.code} onChange={set("code")} required />}
        </Field>
        <Names draft={draft} set={set} error={action.fieldError} wide={false} />
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? t.admin.saving : p.addPillar}
      </button>
    </form>
  );
}

const indicatorFields = [
  "code",
  "pillar",
  "nameVi",
  "nameEn",
  "kind",
  "direction",
  "source",
  "formula",
  "target",
  "baseline",
  "baselineDate",
  "deadline",
  "unitTotal",
  "unitOfMeasureVi",
  "responsibleUnits",
  "notes",
] as const;

function IndicatorCreate({ plan, onDone }: { plan: Plan; onDone: (message: string) => void }) {
  const { t, lang, pick } = useI18n();
  const p = t.admin.plans;
  const action = useAction();
  const [local, setLocal] = useState<Record<string, string>>({});
  const blank = {
    code: "",
    pillar: plan.pillars[0]?.code ?? "",
    nameVi: "",
    nameEn: "",
    kind: "percent" as Kind,
    direction: "up" as "up" | "down",
    source: "formula" as Source,
    formula: "",
    target: "",
    baseline: "",
    baselineDate: `${plan.year - 1}-12-31`,
    deadline: `${plan.year}-12-31`,
    unitTotal: "",
    unitOfMeasureVi: "",
    responsibleUnits: "",
    notes: "",
  };
  const { draft, setDraft, set } = useDraft(blank);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { values, wrong } = typedNumbers(
      { target: draft.target, baseline: draft.baseline, unitTotal: draft.unitTotal },
      lang,
      t.admin.metrics.notNumber,
    );
    setLocal(wrong);
    if (Object.keys(wrong).length) return;
    const code = draft.code.trim();
    const isUnitCount = draft.kind === "unit_count";
    const body: IndicatorBody = {
      code,
      pillar: draft.pillar,
      nameVi: draft.nameVi,
      nameEn: draft.nameEn.trim() || null,
      kind: draft.kind,
      direction: draft.direction,
      source: draft.source,
      formula: draft.source === "formula" ? draft.formula.trim() || null : null,
      // An empty target is NaN, which travels as null: the server names the field.
      target: values.target ?? Number.NaN,
      baseline: values.baseline,
      baselineDate: draft.baselineDate,
      deadline: draft.deadline,
      unitTotal: isUnitCount ? values.unitTotal : null,
      unitOfMeasureVi: draft.unitOfMeasureVi.trim() || null,
      responsibleUnits: codeList(draft.responsibleUnits),
      notes: draft.notes.trim() || null,
    };
    const ok = await action.run(indicatorFields, () =>
      api.post("/api/plans/{code}/indicators", { params: { code: plan.code }, body }).then(() => undefined),
    );
    if (ok) {
      setDraft({ ...blank, pillar: draft.pillar });
      onDone(p.indicatorAdded(code));
    }
  };
  const error = (k: (typeof indicatorFields)[number]) => local[k] ?? action.fieldError(k);
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="indicator-add">
      <h2 id="indicator-add">{p.addIndicator}</h2>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={error("code")}>
          {(f) => <input {...f} value={draft.code} onChange={set("code")} required />}
        </Field>
        <Field label={p.pillar} error={error("pillar")}>
          {(f) => (
            <select {...f} value={draft.pillar} onChange={set("pillar")}>
              {plan.pillars.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.code} — {pick(x.nameVi, x.nameEn)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Choice
          label={p.kind}
          error={error("kind")}
          value={draft.kind}
          options={kinds}
          labels={p.kinds}
          onChange={set("kind")}
        />
        <Choice
          label={p.direction}
          error={error("direction")}
          value={draft.direction}
          options={["up", "down"] as const}
          labels={p.directions}
          onChange={set("direction")}
        />
        <Names draft={draft} set={set} error={error} />
        <Choice
          label={p.source}
          error={error("source")}
          value={draft.source}
          options={sources}
          labels={p.sources}
          onChange={set("source")}
        />
        {draft.source === "formula" && (
          <Field label={p.formula} hint={p.formulaHint} error={error("formula")} className="wide">
            {(f) => (
              <input
                {...f}
                className="mono"
                spellCheck={false}
                value={draft.formula}
                onChange={set("formula")}
                required
              />
            )}
          </Field>
        )}
        <Field
          label={p.target}
          hint={draft.kind === "milestone" ? p.targetHint : undefined}
          error={error("target")}
        >
          {(f) => <input {...f} inputMode="decimal" value={draft.target} onChange={set("target")} required />}
        </Field>
        {draft.kind === "unit_count" && (
          <Field label={p.unitTotal} error={error("unitTotal")}>
            {(f) => <input {...f} inputMode="numeric" value={draft.unitTotal} onChange={set("unitTotal")} />}
          </Field>
        )}
        <Field label={p.unitOfMeasure} error={error("unitOfMeasureVi")}>
          {(f) => <input {...f} value={draft.unitOfMeasureVi} onChange={set("unitOfMeasureVi")} />}
        </Field>
        <Field label={p.baseline} error={error("baseline")}>
          {(f) => <input {...f} inputMode="decimal" value={draft.baseline} onChange={set("baseline")} />}
        </Field>
        <Field label={p.baselineDate} error={error("baselineDate")}>
          {(f) => (
            <input {...f} type="date" value={draft.baselineDate} onChange={set("baselineDate")} required />
          )}
        </Field>
        <Field label={p.deadline} error={error("deadline")}>
          {(f) => <input {...f} type="date" value={draft.deadline} onChange={set("deadline")} required />}
        </Field>
        <Field
          label={p.responsibleUnits}
          hint={p.responsibleUnitsHint}
          error={error("responsibleUnits")}
          className="wide"
        >
          {(f) => (
            <input
              {...f}
              className="mono"
              value={draft.responsibleUnits}
              onChange={set("responsibleUnits")}
            />
          )}
        </Field>
        <Field label={p.notes} error={error("notes")} className="wide">
          {(f) => <textarea {...f} rows={2} value={draft.notes} onChange={set("notes")} />}
        </Field>
      </div>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : p.addIndicator}
      </button>
    </form>
  );
}

const editFields = ["nameVi", "nameEn", "target", "deadline"] as const;

function IndicatorEdit({
  plan,
  indicator,
  onDone,
  onCancel,
}: {
  plan: Plan;
  indicator: Indicator;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const p = t.admin.plans;
  const action = useAction();
  const [local, setLocal] = useState<Record<string, string>>({});
  const { draft, set } = useDraft({
    nameVi: indicator.nameVi,
    nameEn: indicator.nameEn ?? "",
    target: typedText(indicator.target, lang),
    deadline: indicator.deadline,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { values, wrong } = typedNumbers({ target: draft.target }, lang, t.admin.metrics.notNumber);
    setLocal(wrong);
    if (Object.keys(wrong).length) return;
    const ok = await action.run(editFields, () =>
      api
        .patch("/api/plans/{code}/indicators/{indicator}", {
          params: { code: plan.code, indicator: indicator.code },
          body: {
            nameVi: draft.nameVi,
            nameEn: draft.nameEn.trim() || null,
            target: values.target ?? Number.NaN,
            deadline: draft.deadline,
            // The server's patch schema fills absent fields with their defaults (direction "up",
            // sample false, no responsible units): send the stored ones so they are kept.
            direction: indicator.direction,
            sample: indicator.sample,
            responsibleUnits: indicator.responsibleUnits,
          },
        })
        .then(() => undefined),
    );
    if (ok) onDone(p.indicatorSaved(indicator.code));
  };
  const error = (k: (typeof editFields)[number]) => local[k] ?? action.fieldError(k);
  const titleId = `indicator-edit-${indicator.code}`;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <form ref={form} className="panel admin-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{p.editOf(indicator.code)}</h2>
      <ActionError action={action} />
      <div className="form-grid">
        <Names draft={draft} set={set} error={error} />
        <Field label={p.target} error={error("target")}>
          {(f) => <input {...f} inputMode="decimal" value={draft.target} onChange={set("target")} required />}
        </Field>
        <Field label={p.deadline} error={error("deadline")}>
          {(f) => <input {...f} type="date" value={draft.deadline} onChange={set("deadline")} required />}
        </Field>
      </div>
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {action.busy ? t.admin.saving : t.admin.save}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t.admin.cancel}
        </button>
      </div>
    </form>
  );
}

/** A target as the kind reads it: "95%", "1.200", a milestone's "1". */
const targetText = (i: Indicator, lang: Lang) =>
  `${num(i.target, lang)}${i.kind === "percent" ? "%" : i.unitOfMeasureVi ? ` ${i.unitOfMeasureVi}` : ""}`;

function Indicators({ plan, onEdit }: { plan: Plan; onEdit: (code: string) => void }) {
  const { t, lang, pick } = useI18n();
  const p = t.admin.plans;
  return (
    <section className="panel" aria-labelledby="plan-indicators">
      <h2 id="plan-indicators">{p.indicators}</h2>
      {plan.pillars.map((pillar) => {
        const rows = plan.indicators.filter((i) => i.pillar === pillar.code);
        return (
          <div key={pillar.code} className="plan-pillar" data-pillar={pillar.code}>
            <h3>
              <span className="unit-code">{pillar.code}</span> {pick(pillar.nameVi, pillar.nameEn)}{" "}
              <span className="muted small">({p.indicatorCount(rows.length)})</span>
            </h3>
            {rows.length === 0 ? (
              <p className="muted">{p.noIndicators}</p>
            ) : (
              <div className="scroll">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t.admin.code}</th>
                      <th scope="col">{t.admin.name}</th>
                      <th scope="col">{p.kind}</th>
                      <th scope="col">{p.source}</th>
                      <th scope="col" className="num">
                        {p.baseline}
                      </th>
                      <th scope="col" className="num">
                        {p.target}
                      </th>
                      <th scope="col">{p.deadline}</th>
                      <th scope="col">{p.responsibleUnits}</th>
                      <th scope="col">{t.admin.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((i) => (
                      <tr key={i.code} data-indicator={i.code}>
                        <td className="unit-code">{i.code}</td>
                        <td>{pick(i.nameVi, i.nameEn)}</td>
                        <td>{p.kinds[i.kind]}</td>
                        <td>
                          {p.sources[i.source]}
                          {i.formula && (
                            <>
                              <br />
                              <code>{i.formula}</code>
                            </>
                          )}
                        </td>
                        <td className="num">{num(i.baseline, lang)}</td>
                        <td className="num" data-target="">
                          {targetText(i, lang)}
                        </td>
                        <td>{date(i.deadline, lang)}</td>
                        <td className="unit-code">{i.responsibleUnits.join(", ") || "—"}</td>
                        <td>
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={p.editOf(i.code)}
                            onClick={() => onEdit(i.code)}
                          >
                            {t.admin.edit}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** One plan: its status, pillars (add one), indicators by pillar (add one with the server's answer, edit one). */
export function PlanDetail({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const p = t.admin.plans;
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const loaded = useLoad((signal) => api.get("/api/plans/{code}", { params: { code }, signal }), [code]);
  const changed = (m: string) => {
    setMessage(m);
    setEditing(null);
    loaded.reload();
  };
  return (
    <>
      <p>
        <Link to="/admin/plans">← {p.back}</Link>
      </p>
      <Show loaded={loaded}>
        {(plan) => {
          const current = plan.indicators.find((i) => i.code === editing);
          return (
            <>
              <h1>
                {pick(plan.nameVi, plan.nameEn)} <span className="unit-code">{plan.code}</span>
              </h1>
              <dl className="unit-facts">
                <dt>{p.year}</dt>
                <dd>{plan.year}</dd>
                <dt>{p.issuingBodyVi}</dt>
                <dd>{pick(plan.issuingBodyVi, plan.issuingBodyEn)}</dd>
                {plan.documentRefVi && (
                  <>
                    <dt>{p.documentRefVi}</dt>
                    <dd>{plan.documentRefVi}</dd>
                  </>
                )}
                <dt>{p.scopeUnit}</dt>
                <dd>{pick(plan.scopeUnit.nameVi, plan.scopeUnit.nameEn)}</dd>
                <dt>{p.reportingUnit}</dt>
                <dd>{pick(plan.reportingUnit.nameVi, plan.reportingUnit.nameEn)}</dd>
              </dl>
              <PlanStatus plan={plan} onDone={changed} />
              <Done message={message} />
              <section className="panel" aria-labelledby="plan-pillars">
                <h2 id="plan-pillars">{p.pillars}</h2>
                {plan.pillars.length === 0 ? (
                  <p className="muted">{p.noPillars}</p>
                ) : (
                  <ul className="plain plan-pillars">
                    {plan.pillars.map((x) => (
                      <li key={x.code}>
                        <span className="unit-code">{x.code}</span> {pick(x.nameVi, x.nameEn)}
                      </li>
                    ))}
                  </ul>
                )}
                <AddPillar plan={plan} onDone={changed} />
              </section>
              {current && (
                <IndicatorEdit
                  key={current.code}
                  plan={plan}
                  indicator={current}
                  onDone={changed}
                  onCancel={() => setEditing(null)}
                />
              )}
              {plan.pillars.length > 0 && (
                <>
                  <Indicators
                    plan={plan}
                    onEdit={(c) => {
                      setEditing(c);
                      setMessage(null);
                    }}
                  />
                  <IndicatorCreate key={plan.pillars.length} plan={plan} onDone={changed} />
                </>
              )}
            </>
          );
        }}
      </Show>
    </>
  );
}
