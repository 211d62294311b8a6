import { type FormEvent, useState } from "react";
import { api } from "../../../api/client.ts";
import { Show, useLoad } from "../../../components/common.tsx";
import { useI18n } from "../../../i18n/index.tsx";
import { Link } from "../../../router.tsx";
import { useToday } from "../../../session.tsx";
import { ActionError, Done, Field, useAction } from "../common.tsx";
import { Choice, Names, type Status, statuses, useDraft } from "./parts.tsx";

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
  const today = useToday();
  const blank = {
    code: "",
    nameVi: "",
    nameEn: "",
    year: today.slice(0, 4),
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
