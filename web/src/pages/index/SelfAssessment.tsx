import { type MutableRefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, type FieldProblem } from "../../api/client.ts";
import { ErrorNote } from "../../components/common.tsx";
import { num, time } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { draftKey, removeStored, writeStored } from "../../saving/drafts.ts";
import { createSaveQueue } from "../../saving/saveQueue.ts";
import { useSession } from "../../session.tsx";
import { EvidenceList } from "./Evidence.tsx";
import type { Problems } from "./Scorecard.tsx";
import { keptDrafts } from "./selfDrafts.ts";
import { type Criterion, type Evidence, methodOf, type Scorecard } from "./types.ts";
import { ValueInput } from "./ValueInput.tsx";
import { type Draft, draftOf, sameDraft, type Value, valueToSend } from "./values.ts";

type Problem = Pick<FieldProblem, "message" | "message_en">;
type SaveState = "idle" | "pending" | "saving" | "saved" | "error";

/** The server's limit for an evidence file (docs/assessments.md: at most 5 MB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const DEBOUNCE_MS = 1200;
const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg";

export const domId = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, "_");

const problemOf = (error: unknown, fallback: Problem): Problem =>
  error instanceof ApiError && !error.offline
    ? (error.details[0] ?? { message: error.messageVi, message_en: error.messageEn })
    : fallback;

/**
 * Tự đánh giá: each criterion's value (typed as its rule needs), its evidence with uploads,
 * autosaved a moment after typing stops. What is not saved yet is kept in the browser, so
 * nothing typed is lost to a refused value, a lost connection or a closed tab.
 */
export function SelfAssessmentForm({
  card,
  reload,
  problems,
  flush,
}: {
  card: Scorecard;
  reload: () => void;
  problems: Problems;
  flush: MutableRefObject<(() => Promise<boolean>) | null>;
}) {
  const { t, lang, pick } = useI18n();
  const code = card.assessment.code;
  const unit = card.unit.code;
  const { me } = useSession();
  const key = draftKey(me?.userId ?? 0, "index", code, unit);
  const [{ restored, setAside }] = useState(() =>
    keptDrafts(key, new Map(card.criteria.map((c) => [c.code, c.self.version]))),
  );
  // `shown` holds every edit (what the inputs display); `dirty` the edits not yet saved.
  const [shown, setShown] = useState<Record<string, Draft>>(restored);
  const [dirty, setDirty] = useState<Record<string, Draft>>(restored);
  const [errors, setErrors] = useState<Record<string, Problem>>({});
  const [state, setState] = useState<SaveState>(Object.keys(restored).length ? "pending" : "idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const timer = useRef<number | undefined>(undefined);
  const byCode = new Map(card.criteria.map((c) => [c.code, c]));
  const context = useRef({ byCode, lang, t });
  context.current = { byCode, lang, t };

  useEffect(() => {
    if (Object.keys(dirty).length) writeStored(key, dirty);
    else removeStored(key);
  }, [dirty, key]);

  const run = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const { byCode: criteria, lang: language, t: text } = context.current;
    const snapshot = dirtyRef.current;
    const found: Record<string, Problem> = {};
    let items: { criterion: string; value: Value; note: string | null; version?: number }[] = [];
    for (const [criterion, draft] of Object.entries(snapshot)) {
      const c = criteria.get(criterion);
      if (!c) continue;
      const parsed = valueToSend(methodOf(c), draft, language);
      if ("invalid" in parsed)
        found[criterion] = { message: text.index.notANumber, message_en: text.index.notANumber };
      else
        items.push({
          criterion,
          value: parsed.value,
          note: c.self.note,
          version: draft.version ?? c.self.version,
        });
    }
    if (items.length === 0 && Object.keys(found).length === 0) return true;
    setState("saving");
    setFailure(null);
    let sent: { criterion: string; version?: number }[] = [];
    try {
      while (items.length > 0) {
        try {
          await api.put("/api/assessments/{code}/units/{unit}/values", {
            params: { code, unit },
            body: { values: items },
          });
          sent = items.map(({ criterion, version }) => ({ criterion, version }));
          break;
        } catch (error) {
          // A refused value is named (values.3.value): keep it, save the others.
          if (!(error instanceof ApiError) || error.status !== 400) throw error;
          const refused = new Set<number>();
          for (const d of error.details) {
            const index = Number(/^values\.(\d+)/.exec(d.path)?.[1] ?? Number.NaN);
            const item = items[index];
            if (!item) continue;
            refused.add(index);
            found[item.criterion] = d;
          }
          if (refused.size === 0) throw error;
          items = items.filter((_, i) => !refused.has(i));
        }
      }
    } catch (error) {
      setState("error");
      setFailure(error);
      return false;
    }
    setDirty((current) => {
      const next = { ...current };
      for (const { criterion: c, version } of sent) {
        const now = current[c];
        const then = snapshot[c];
        if (now && then && sameDraft(now, then)) delete next[c];
        // Typed on while this save ran: the next save starts from the version this one made.
        else if (now && version !== undefined) next[c] = { ...now, version: version + 1 };
      }
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      for (const c of Object.keys(snapshot)) delete next[c];
      return { ...next, ...found };
    });
    const clean = Object.keys(found).length === 0;
    setState(clean ? "saved" : "error");
    if (sent.length) {
      setSavedAt(new Date());
      reload();
    }
    return clean;
  }, [code, unit, reload]);

  /** One save at a time; a save asked for while one runs follows it. */
  const queue = useMemo(() => createSaveQueue(run), [run]);
  const save = useCallback(() => queue.flush(), [queue]);

  useEffect(() => {
    flush.current = save;
    return () => {
      flush.current = null;
    };
  }, [flush, save]);

  // A draft restored from the browser is saved once, on opening.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    if (Object.keys(restored).length) void save();
    return () => window.clearTimeout(timer.current);
  }, []);

  const change = (criterion: string, typed: Draft) => {
    // The version the typing started from: kept across autosaves until the answer is saved.
    const version = dirtyRef.current[criterion]?.version ?? byCode.get(criterion)?.self.version;
    const draft = { ...typed, version };
    setShown((s) => ({ ...s, [criterion]: draft }));
    setDirty((d) => ({ ...d, [criterion]: draft }));
    setErrors((e) => {
      const { [criterion]: _, ...rest } = e;
      return rest;
    });
    setState("pending");
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
  };

  const statusText =
    state === "saving"
      ? t.index.saving
      : state === "pending"
        ? t.index.unsaved
        : state === "error"
          ? failure !== null
            ? t.index.kept
            : t.index.refused
          : state === "saved" && savedAt
            ? t.index.saved(time(savedAt, lang))
            : "";

  return (
    <section className="self-form" aria-labelledby="self-form-title">
      <h2 id="self-form-title">{t.index.form}</h2>
      <p className="muted small">{t.index.formHint}</p>
      <div className="toolbar save-bar">
        <button type="button" className="button" onClick={() => void save()} disabled={state === "saving"}>
          {t.index.save}
        </button>
        <RefreshButton code={code} unit={unit} reload={reload} />
        <p className={`save-status save-${state}`} role="status" data-save-state={state}>
          {statusText}
        </p>
      </div>
      {failure !== null && <ErrorNote error={failure} />}
      {setAside.map(([c, d]) => (
        <p key={c} className="note note-warning" data-set-aside={c}>
          {t.index.setAside(c, [d.value, d.a, d.b].filter(Boolean).join(" / "))}
        </p>
      ))}
      {card.pillars.map((p) => {
        const criteria = card.criteria.filter((c) => c.pillar === p.code);
        if (criteria.length === 0) return null;
        return (
          <div key={p.code} className="pillar" data-pillar={p.code}>
            <h3>
              {pick(p.nameVi, p.nameEn)}{" "}
              <span className="muted small">
                {t.index.pointsOf(num(p.self, lang), num(p.maxPoints, lang))}
              </span>
            </h3>
            <div className="criteria-grid">
              {criteria.map((c) => (
                <CriterionCard
                  key={c.code}
                  c={c}
                  code={code}
                  unit={unit}
                  draft={shown[c.code] ?? draftOf(c.self.value, lang)}
                  onChange={(d) => change(c.code, d)}
                  problem={errors[c.code] ?? problems[c.code]}
                  reload={reload}
                />
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}

function CriterionCard({
  c,
  code,
  unit,
  draft,
  onChange,
  problem,
  reload,
}: {
  c: Criterion;
  code: string;
  unit: string;
  draft: Draft;
  onChange: (d: Draft) => void;
  problem?: Problem;
  reload: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const id = `value-${domId(c.code)}`;
  const errorId = problem ? `${id}-error` : undefined;
  const [busy, setBusy] = useState(false);
  const [fileProblem, setFileProblem] = useState<Problem | null>(null);

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setFileProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      const size = num(file.size / 1024 / 1024, lang, 1);
      setFileProblem({ message: t.index.tooLarge(size), message_en: t.index.tooLarge(size) });
      input.value = "";
      return;
    }
    setBusy(true);
    try {
      await api.post("/api/assessments/{code}/units/{unit}/evidence/file", {
        params: { code, unit },
        query: { criterion: c.code, name: file.name },
        body: file,
      });
      reload();
    } catch (error) {
      setFileProblem(problemOf(error, { message: t.app.offline, message_en: t.app.offline }));
    } finally {
      setBusy(false);
      input.value = "";
    }
  };

  const remove = async (e: Evidence) => {
    const name = e.file?.name ?? e.summary ?? String(e.id);
    if (!window.confirm(t.index.deleteConfirm(name))) return;
    setBusy(true);
    setFileProblem(null);
    try {
      await api.delete("/api/assessments/{code}/evidence/{id}", { params: { code, id: e.id } });
      reload();
    } catch (error) {
      setFileProblem(problemOf(error, { message: t.app.offline, message_en: t.app.offline }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className={`criterion panel ${problem ? "criterion-error" : ""}`} data-criterion={c.code}>
      <legend>
        <span className="code">{c.code}</span> {pick(c.nameVi, c.nameEn)}
      </legend>
      {c.methodNoteVi && lang === "vi" && <p className="small muted">{c.methodNoteVi}</p>}
      <ValueInput
        id={id}
        label={t.index.valueLabel}
        method={methodOf(c)}
        draft={draft}
        onChange={onChange}
        errorId={errorId}
      />
      {problem && (
        <p className="note-error-text" id={errorId} role="alert">
          {pick(problem.message, problem.message_en)}
        </p>
      )}
      <p className="small" data-points>
        {t.index.pointsOf(num(c.self.points, lang), num(c.maxPoints, lang))}
        {c.self.source === "reports" && <span className="muted"> · {t.index.fromReports}</span>}
      </p>
      <div className="evidence">
        <p className="small">
          <strong>{t.index.evidence}</strong>
          {c.evidenceRequired && (
            <span className="muted"> · {t.index.evidenceRequired(c.evidenceRequired)}</span>
          )}
        </p>
        <EvidenceList code={code} items={c.evidence} onDelete={remove} busy={busy} />
        <label htmlFor={`${id}-file`} className="small">
          {t.index.upload}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={`${id}-file-hint${fileProblem ? ` ${id}-file-error` : ""}`}
          onChange={(e) => void upload(e.currentTarget)}
        />
        <p className="small muted" id={`${id}-file-hint`}>
          {busy ? t.index.uploading : t.index.uploadHint}
        </p>
        {fileProblem && (
          <p className="note-error-text" id={`${id}-file-error`} role="alert">
            {pick(fileProblem.message, fileProblem.message_en)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** Lấy từ báo cáo: fills criteria that have a metric expression from the approved reports. */
function RefreshButton({ code, unit, reload }: { code: string; unit: string; reload: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post("/api/assessments/{code}/units/{unit}/refresh", {
        params: { code, unit },
      });
      setDone(answer.filled.length);
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={refresh} disabled={busy}>
        {t.index.refresh}
      </button>
      {done !== null && <p role="status">{t.index.refreshed(done)}</p>}
      {error !== null && <ErrorNote error={error} />}
    </>
  );
}
