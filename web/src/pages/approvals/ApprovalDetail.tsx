import { type FormEvent, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote, Show, StatusBadge, useLoad } from "../../components/common.tsx";
import { setFlash } from "../../components/flash.tsx";
import { date, periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { QualityPanel } from "../quality/QualityPanel.tsx";
import { ValuesTable } from "./ValuesTable.tsx";

type Detail = Awaited<ReturnType<typeof load>>["detail"];

async function load(id: number, signal: AbortSignal) {
  const detail = await api.get("/api/submissions/{id}", { params: { id }, signal });
  const [form, quality] = await Promise.all([
    api.get("/api/forms/{code}", { params: { code: detail.form }, signal }),
    api.get("/api/submissions/{id}/quality", { params: { id }, signal }),
  ]);
  return { detail, form, quality };
}

function Decision({ detail, onDone }: { detail: Detail; onDone: (message: string) => void }) {
  const { t, pick } = useI18n();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<"approve" | "return" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const act = async (action: "approve" | "return") => {
    setError(null);
    setReasonError(null);
    if (action === "return" && !reason.trim()) {
      setReasonError(t.approvals.reasonRequired);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(action);
    try {
      const where = { params: { id: detail.id } };
      if (action === "approve")
        await api.post("/api/submissions/{id}/approve", { ...where, body: { version: detail.version } });
      else
        await api.post("/api/submissions/{id}/return", {
          ...where,
          body: { version: detail.version, reason: reason.trim() },
        });
      onDone(action === "approve" ? t.approvals.approved : t.approvals.returned);
    } catch (e) {
      const field = e instanceof ApiError ? e.details.find((d) => d.path.endsWith("reason")) : undefined;
      if (field) setReasonError(pick(field.message, field.message_en));
      else setError(e);
      setBusy(null);
    }
  };
  const onReturn = (e: FormEvent) => {
    e.preventDefault();
    void act("return");
  };
  return (
    <div className="decision">
      {error ? <ErrorNote error={error} /> : null}
      <button
        type="button"
        className="button button-primary"
        disabled={busy !== null}
        onClick={() => void act("approve")}
      >
        {busy === "approve" ? t.approvals.approving : t.approvals.approve}
      </button>
      <form className="panel return-form" onSubmit={onReturn} noValidate>
        <h2>{t.approvals.returnTitle}</h2>
        <label htmlFor={reasonId}>{t.approvals.reason}</label>
        <textarea
          id={reasonId}
          rows={3}
          required
          value={reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ""}`}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="muted small" id={`${reasonId}-hint`}>
          {t.approvals.reasonHint}
        </p>
        {reasonError && (
          <p className="note-error-text" id={`${reasonId}-error`}>
            {reasonError}
          </p>
        )}
        <button type="submit" className="button button-danger" disabled={busy !== null}>
          {busy === "return" ? t.approvals.returning : t.approvals.return}
        </button>
      </form>
    </div>
  );
}

/** One submitted report: its figures against last period's, then approve or return with a reason. */
export default function ApprovalDetail({ id }: { id: number }) {
  const { t, lang, pick } = useI18n();
  const { can } = useSession();
  const loaded = useLoad((signal) => load(id, signal), [id]);
  return (
    <section className="page" aria-labelledby="approval-title">
      <p>
        <Link to="/approvals">← {t.approvals.back}</Link>
      </p>
      <Show loaded={loaded}>
        {({ detail, form, quality }) => (
          <>
            <h1 id="approval-title">
              {detail.unitName} · {periodLabel(detail.period, lang)}
            </h1>
            <p className="muted">
              {pick(form.nameVi, form.nameEn)} · {t.approvals.submittedAt}: {date(detail.submittedAt, lang)} ·{" "}
              <StatusBadge status={detail.status} />
            </p>
            <ValuesTable detail={detail} form={form} flagged={new Set(quality.values.map((v) => v.metric))} />
            <QualityPanel id={detail.id} loaded={quality} />
            {Object.keys(detail.narrative).length > 0 && (
              <section className="panel">
                <h2>{t.approvals.narrative}</h2>
                {form.sections.map((s) =>
                  detail.narrative[s.code] ? (
                    <div key={s.code}>
                      <h3>{pick(s.nameVi, s.nameEn)}</h3>
                      <p className="prewrap">{detail.narrative[s.code]}</p>
                    </div>
                  ) : null,
                )}
              </section>
            )}
            {detail.status === "submitted" && can("approver") && (
              <Decision
                detail={detail}
                onDone={(message) => {
                  setFlash(message);
                  navigate("/approvals");
                }}
              />
            )}
          </>
        )}
      </Show>
    </section>
  );
}
