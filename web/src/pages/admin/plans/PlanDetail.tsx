import { type FormEvent, useState } from "react";
import { api } from "../../../api/client.ts";
import { ScrollRegion, Show, useLoad } from "../../../components/common.tsx";
import { date, num } from "../../../format.ts";
import { type Lang, useI18n } from "../../../i18n/index.tsx";
import { Link } from "../../../router.tsx";
import { ActionError, Done, Field, useAction } from "../common.tsx";
import { IndicatorCreate, IndicatorEdit } from "./IndicatorForms.tsx";
import { Choice, type Indicator, Names, type Plan, type Status, statuses, useDraft } from "./parts.tsx";

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
              <ScrollRegion label={pick(pillar.nameVi, pillar.nameEn)}>
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
              </ScrollRegion>
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
