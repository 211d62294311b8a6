import { type FormEvent, useEffect, useRef, useState } from "react";
import { api } from "../../../api/client.ts";
import { typedText } from "../../../format.ts";
import { useI18n } from "../../../i18n/index.tsx";
import { ActionError, codeList, Field, useAction } from "../common.tsx";
import {
  Choice,
  type Indicator,
  type IndicatorBody,
  type Kind,
  kinds,
  Names,
  type Plan,
  type Source,
  sources,
  typedNumbers,
  useDraft,
} from "./parts.tsx";

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

export function IndicatorCreate({ plan, onDone }: { plan: Plan; onDone: (message: string) => void }) {
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

export function IndicatorEdit({
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
