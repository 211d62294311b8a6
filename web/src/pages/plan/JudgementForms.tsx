import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote } from "../../components/common.tsx";
import { periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";

type Fields = Record<string, string>;

/** The server's field problems by the last part of their path (`body.reason` → `reason`). */
function problemsByField(error: unknown, pick: (vi: string, en: string) => string): Fields | null {
  if (!(error instanceof ApiError) || error.details.length === 0) return null;
  return Object.fromEntries(
    error.details.map((d) => [d.path.split(".").at(-1) ?? "", pick(d.message, d.message_en)]),
  );
}

function Field(props: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error && (
        <p className="note-error-text" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

const invalidProps = (id: string, error: string | undefined) =>
  error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};

/** Sends one judgement; field problems go beside their fields, anything else above the form. */
function useJudgement(send: (values: Fields) => Promise<unknown>, onSaved: () => void) {
  const { t, pick } = useI18n();
  const [errors, setErrors] = useState<Fields>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Fields) => {
    if (!values.reason?.trim()) {
      setErrors({ reason: t.plan.judge.reasonRequired });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await send(values);
      onSaved();
    } catch (e) {
      const fields = problemsByField(e, pick);
      if (fields) setErrors(fields);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, submit };
}

interface Props {
  plan: string;
  indicator: string;
  period: string;
  onSaved: () => void;
}

function OverrideForm({ plan, indicator, period, onSaved }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [status, setStatus] = useState("done");
  const [reason, setReason] = useState("");
  const { errors, failure, busy, submit } = useJudgement(
    (v) =>
      api.post("/api/plans/{code}/indicators/{indicator}/overrides", {
        params: { code: plan, indicator },
        body: { period, status: v.status as "done", reason: v.reason ?? "" },
      }),
    onSaved,
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit({ status, reason });
  };
  return (
    <form className="judge-form" onSubmit={onSubmit} noValidate>
      <h3>
        {t.plan.judge.override} ({periodLabel(period, lang)})
      </h3>
      <p className="muted small">{t.plan.judge.overrideHint}</p>
      {failure ? <ErrorNote error={failure} /> : null}
      <Field id={`${id}-status`} label={t.plan.judge.newStatus} error={errors.status}>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          {(["done", "likely", "at_risk"] as const).map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-reason`} label={t.plan.judge.reason} error={errors.reason}>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...invalidProps(`${id}-reason`, errors.reason)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t.plan.judge.saving : t.plan.judge.save}
      </button>
    </form>
  );
}

function DeclarationForm({ plan, indicator, period, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Fields>({ kind: "dependent", fromPeriod: period, reason: "" });
  const set = (name: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const { errors, failure, busy, submit } = useJudgement(
    (v) =>
      api.post("/api/plans/{code}/indicators/{indicator}/declarations", {
        params: { code: plan, indicator },
        body: {
          kind: v.kind as "dependent",
          fromPeriod: v.fromPeriod ?? period,
          reason: v.reason ?? "",
          ...(v.kind === "dependent" ? { body: v.body } : {}),
          ...(v.kind === "discontinued" ? { decision: v.decision } : {}),
        },
      }),
    onSaved,
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(values);
  };
  const detail = values.kind === "dependent" ? "body" : values.kind === "discontinued" ? "decision" : null;
  return (
    <form className="judge-form" onSubmit={onSubmit} noValidate>
      <h3>{t.plan.judge.declare}</h3>
      <p className="muted small">{t.plan.judge.declareHint}</p>
      {failure ? <ErrorNote error={failure} /> : null}
      <Field id={`${id}-kind`} label={t.plan.judge.kind} error={errors.kind}>
        <select id={`${id}-kind`} value={values.kind} onChange={set("kind")}>
          {(["dependent", "discontinued", "cleared"] as const).map((k) => (
            <option key={k} value={k}>
              {t.plan.judge.kinds[k]}
            </option>
          ))}
        </select>
      </Field>
      {detail && (
        <Field id={`${id}-${detail}`} label={t.plan.judge[detail]} error={errors[detail]}>
          <input
            id={`${id}-${detail}`}
            value={values[detail] ?? ""}
            onChange={set(detail)}
            {...invalidProps(`${id}-${detail}`, errors[detail])}
          />
        </Field>
      )}
      <Field id={`${id}-from`} label={t.plan.judge.fromPeriod} error={errors.fromPeriod}>
        <input
          id={`${id}-from`}
          value={values.fromPeriod}
          inputMode="numeric"
          placeholder="202309"
          onChange={set("fromPeriod")}
          {...invalidProps(`${id}-from`, errors.fromPeriod)}
        />
      </Field>
      <Field id={`${id}-reason`} label={t.plan.judge.reason} error={errors.reason}>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={values.reason}
          onChange={set("reason")}
          {...invalidProps(`${id}-reason`, errors.reason)}
        />
      </Field>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t.plan.judge.saving : t.plan.judge.save}
      </button>
    </form>
  );
}

/** Điều chỉnh, khai báo: shown only to those who may judge the plan's statuses. */
export function JudgementForms(props: Props) {
  const { t } = useI18n();
  return (
    <details className="panel judge">
      <summary>{t.plan.judge.title}</summary>
      <div className="judge-forms">
        <OverrideForm {...props} />
        <DeclarationForm {...props} />
      </div>
    </details>
  );
}
