import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote, Show, StatusBadge, useLoad } from "../../components/common.tsx";
import { Flash, setFlash } from "../../components/flash.tsx";
import { date, periodLabel, time } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { QualityPanel } from "../quality/QualityPanel.tsx";
import { ChecksPanel, type FieldProblem } from "./ChecksPanel.tsx";
import { DraftConflict } from "./DraftConflict.tsx";
import { ExcelPanel } from "./ExcelPanel.tsx";
import { loadReport, type ReportData } from "./load.ts";
import { MetricField } from "./MetricField.tsx";
import { fieldNotes } from "./notes.ts";
import { type Target, useReportEditor } from "./useReportEditor.ts";

type Editor = ReturnType<typeof useReportEditor>;

/**
 * Keeps the page's bottom scroll padding at the sticky submit bar's height, so a field reached by
 * the keyboard (or a summary link) is scrolled above the bar, never under it, whatever the bar's
 * height on this screen (it wraps on a phone).
 */
function useScrollPaddingFor(bar: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingBottom = `${element.offsetHeight + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, [bar]);
}

function SaveStatus({ editor }: { editor: Editor }) {
  const { t, lang } = useI18n();
  const { state, savedAt } = editor.autosave;
  const text =
    state === "saved" && savedAt
      ? t.form.save.saved(time(savedAt, lang))
      : state === "idle" || state === "saved"
        ? t.form.save.idle
        : state === "error"
          ? t.form.save.kept
          : t.form.save[state];
  return (
    <p className={`save-status save-${state}`} role="status" data-save-state={state}>
      {text}
    </p>
  );
}

function ReadOnlyNote({ data, status }: { data: ReportData; status: string }) {
  const { t } = useI18n();
  if (status === "submitted") return <p className="note">{t.form.readOnly.submitted}</p>;
  if (status === "approved") return <p className="note">{t.form.readOnly.approved}</p>;
  return data.detail?.locked ? <p className="note">{t.form.readOnly.locked}</p> : null;
}

/** The form of one report: fields with live checks, autosave, Excel, and sending it for approval. */
function ReportEditor({ data, target, reload }: { data: ReportData; target: Target; reload: () => void }) {
  const i18n = useI18n();
  const { t, lang, pick } = i18n;
  const { can } = useSession();
  const status0 = data.detail?.status ?? "none";
  const readOnly =
    !can("reporter") || status0 === "submitted" || status0 === "approved" || !!data.detail?.locked;
  const editor = useReportEditor(data, target, readOnly);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { notes, flagged, invalid, missing } = fieldNotes(editor, data, attempted, i18n);
  const ruleErrors = editor.failing.filter((r) => r.severity === "error").length;
  const blocking = invalid + missing + ruleErrors;
  const shownErrors = invalid + ruleErrors + (attempted ? missing : 0);
  const problems: FieldProblem[] = data.form.metrics.flatMap((m) =>
    (notes.get(m.code) ?? []).map((n) => ({ code: m.code, label: pick(m.nameVi, m.nameEn), ...n })),
  );
  const bar = useRef<HTMLDivElement>(null);
  useScrollPaddingFor(bar);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a restored draft is saved once, on opening
  useEffect(() => {
    if (editor.restored && !readOnly) editor.autosave.schedule();
  }, []);

  const submit = async () => {
    setAttempted(true);
    setError(null);
    if (blocking > 0) {
      document.getElementById("checks")?.focus();
      return;
    }
    setSending(true);
    try {
      if (!(await editor.autosave.flush()) || editor.id.current === null) return;
      await api.post("/api/submissions/{id}/submit", {
        params: { id: editor.id.current },
        body: { version: editor.version.current ?? 1 },
      });
      editor.forget();
      setFlash(t.form.sent);
      reload();
    } catch (e) {
      if (e instanceof ApiError) editor.setServerIssues(e.details);
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const d = data.detail;
  return (
    <section className="page report" aria-labelledby="report-title">
      <p>
        <Link to="/reports">← {t.form.back}</Link>
      </p>
      <h1 id="report-title">{pick(data.form.nameVi, data.form.nameEn)}</h1>
      <dl className="facts">
        <div>
          <dt>{t.form.unit}</dt>
          <dd>{d?.unitName ?? data.unitName}</dd>
        </div>
        <div>
          <dt>{t.form.period}</dt>
          <dd>{periodLabel(target.period, lang)}</dd>
        </div>
        <div>
          <dt>{t.form.due}</dt>
          <dd>{date(d?.dueDate ?? data.dueDate, lang)}</dd>
        </div>
        <div>
          <dt>{t.form.status}</dt>
          <dd>
            <StatusBadge status={editor.status} />
          </dd>
        </div>
      </dl>
      {editor.status === "returned" && d?.returnReason && (
        <div className="note note-warning" role="note">
          <strong>{t.form.returnedBanner}</strong> <span className="return-reason">{d.returnReason}</span>
        </div>
      )}
      <ReadOnlyNote data={data} status={editor.status} />
      <Flash />
      {editor.restored && !readOnly && <p className="note">{t.form.restored}</p>}
      {!readOnly && <DraftConflict data={data} differences={editor.differences} choose={editor.choose} />}
      {error ? <ErrorNote error={error} /> : null}
      <ExcelPanel
        {...target}
        canUpload={!readOnly}
        onImported={() => {
          setFlash(t.form.excelDone);
          editor.forget();
          reload();
        }}
      />
      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <fieldset className="panel">
          <legend>{t.form.values}</legend>
          <div className="fields">
            {data.form.metrics.map((m) => (
              <MetricField
                key={m.code}
                metric={m}
                text={editor.typed[m.code] ?? ""}
                previous={data.previous.get(m.code) ?? null}
                notes={notes.get(m.code) ?? []}
                flagged={flagged.get(m.code) ?? null}
                readOnly={readOnly}
                onChange={(text) => editor.setValue(m.code, text)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>{t.form.narrative}</legend>
          {data.form.sections.map((s) => (
            <div className="field" key={s.code}>
              <label htmlFor={`section-${s.code}`}>{pick(s.nameVi, s.nameEn)}</label>
              <textarea
                id={`section-${s.code}`}
                rows={4}
                disabled={readOnly}
                value={editor.narrative[s.code] ?? ""}
                onChange={(e) => editor.setSection(s.code, e.target.value)}
              />
            </div>
          ))}
        </fieldset>
        <QualityPanel id={editor.id.current ?? data.detail?.id} refresh={editor.autosave.savedAt} />
        {!readOnly && (
          <>
            <ChecksPanel
              failing={editor.failing}
              fieldErrors={invalid + (attempted ? missing : 0)}
              problems={problems}
            />
            <div className="submit-bar" ref={bar}>
              <SaveStatus editor={editor} />
              {editor.autosave.state === "stale" && (
                <button type="button" className="button" onClick={reload}>
                  {t.form.reload}
                </button>
              )}
              {shownErrors > 0 && (
                <a className="note-error-text small" href="#checks">
                  {t.form.errorsBlock(shownErrors)}
                </a>
              )}
              <button type="submit" className="button button-primary" disabled={sending}>
                {sending ? t.form.submitting : t.form.submit}
              </button>
            </div>
          </>
        )}
      </form>
    </section>
  );
}

export default function ReportForm(target: Target) {
  const loaded = useLoad(
    (signal) => loadReport(target.form, target.unit, target.period, signal),
    [target.form, target.unit, target.period],
  );
  return (
    <Show loaded={loaded}>
      {(data) => (
        <ReportEditor
          key={`${data.detail?.id}-${data.detail?.version}-${data.detail?.status}`}
          data={data}
          target={target}
          reload={loaded.reload}
        />
      )}
    </Show>
  );
}
