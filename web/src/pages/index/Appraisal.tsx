import { useState } from "react";
import { ApiError, api, type FieldProblem } from "../../api/client.ts";
import { ErrorNote, Show, useLoad } from "../../components/common.tsx";
import { Flash, setFlash } from "../../components/flash.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate, usePath } from "../../router.tsx";
import { EvidenceList } from "./Evidence.tsx";
import { domId } from "./SelfAssessment.tsx";
import { type Card, type Criterion, methodOf } from "./types.ts";
import { ValueInput } from "./ValueInput.tsx";
import { type Draft, draftOf, emptyDraft, sameDraft, showValue, type Value, valueToSend } from "./values.ts";

type Problem = Pick<FieldProblem, "message" | "message_en">;
type Action = "" | "confirm" | "adjust";
interface Row {
  action: Action;
  draft: Draft;
  reason: string;
}

const link = (code: string, unit?: string) =>
  `/index/${encodeURIComponent(code)}/appraisal${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`;

/** Việc thẩm định: the units that have submitted, and one of them to appraise (?unit=866). */
export default function AppraisalPage({ code }: { code: string }) {
  const { t } = useI18n();
  const path = usePath();
  const unit = new URLSearchParams(path.split("?")[1] ?? "").get("unit");
  const loaded = useLoad(
    (signal) => api.get("/api/assessments/{code}/appraisal", { params: { code }, signal }),
    [code],
  );
  return (
    <section className="page index-page" aria-labelledby="appraisal-title">
      <p>
        <Link to={unit ? link(code) : `/index?a=${encodeURIComponent(code)}`}>
          ← {unit ? t.index.worklist : t.index.back}
        </Link>
      </p>
      <Show loaded={loaded}>
        {(work) => {
          const card = unit ? work.units.find((u) => u.unit.code === unit) : undefined;
          return card ? (
            <UnitAppraisal key={card.unit.code} card={card} reload={loaded.reload} />
          ) : (
            <Worklist code={code} cards={work.units} />
          );
        }}
      </Show>
    </section>
  );
}

function Worklist({ code, cards }: { code: string; cards: Card[] }) {
  const { t, pick } = useI18n();
  const submitted = cards.filter((c) => c.unit.status === "submitted" && c.criteria.length > 0);
  return (
    <>
      <h1 id="appraisal-title">
        {t.index.worklist} · {code}
      </h1>
      <Flash />
      <p className="muted">{t.index.worklistHint}</p>
      {submitted.length === 0 ? (
        <p>{t.index.noWork}</p>
      ) : (
        <ul className="work-list">
          {submitted.map((c) => {
            const done = c.criteria.filter((k) => k.appraisal !== null).length;
            return (
              <li
                key={c.unit.code}
                className={`work work-${done === c.criteria.length ? "submitted" : "open"}`}
                data-unit={c.unit.code}
              >
                <span>
                  <strong>{pick(c.unit.nameVi, c.unit.nameEn)}</strong>{" "}
                  <span className="muted small">
                    {pick(c.unit.groupNameVi, c.unit.groupNameEn)} ·{" "}
                    {t.index.appraisedCount(done, c.criteria.length)}
                  </span>
                </span>
                <Link className="button button-small" to={link(code, c.unit.code)}>
                  {t.index.openAppraisal}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

const initialRow = (c: Criterion, lang: "vi" | "en"): Row => ({
  action: c.appraisal ? (c.appraisal.action as Action) : "",
  draft: c.appraisal?.action === "adjust" ? draftOf(c.appraisal.value, lang) : emptyDraft,
  reason: c.appraisal?.reason ?? "",
});

function UnitAppraisal({ card, reload }: { card: Card; reload: () => void }) {
  const { t, lang, pick } = useI18n();
  const code = card.assessment.code;
  const open = card.assessment.status === "appraisal";
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(card.criteria.map((c) => [c.code, initialRow(c, lang)])),
  );
  const [problems, setProblems] = useState<Record<string, Record<string, Problem>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [nothing, setNothing] = useState(false);

  const edit = (criterion: string, change: Partial<Row>) => {
    setRows((r) => ({ ...r, [criterion]: { ...(r[criterion] as Row), ...change } }));
    setProblems((p) => {
      const { [criterion]: _, ...rest } = p;
      return rest;
    });
  };

  const save = async () => {
    setFailure(null);
    setNothing(false);
    const found: Record<string, Record<string, Problem>> = {};
    const items: {
      criterion: string;
      action: "confirm" | "adjust";
      value?: Value;
      reason?: string | null;
    }[] = [];
    for (const c of card.criteria) {
      const row = rows[c.code];
      if (!row || row.action === "") continue;
      const before = initialRow(c, lang);
      const changed =
        row.action !== before.action || row.reason !== before.reason || !sameDraft(row.draft, before.draft);
      if (!changed) continue;
      if (row.action === "confirm") {
        items.push({ criterion: c.code, action: "confirm" });
        continue;
      }
      const parsed = valueToSend(methodOf(c), row.draft, lang);
      if ("invalid" in parsed) {
        found[c.code] = { value: { message: t.index.notANumber, message_en: t.index.notANumber } };
        continue;
      }
      items.push({ criterion: c.code, action: "adjust", value: parsed.value, reason: row.reason });
    }
    if (Object.keys(found).length) {
      setProblems(found);
      return;
    }
    if (items.length === 0) {
      setNothing(true);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.put("/api/assessments/{code}/units/{unit}/appraisal", {
        params: { code, unit: card.unit.code },
        body: { items },
      });
      setProblems({});
      setFlash(t.index.appraisalSaved(answer.saved));
      navigate(link(code));
      reload();
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) {
        for (const d of error.details) {
          const [, index, field] = /^items\.(\d+)\.?(\w*)/.exec(d.path) ?? [];
          const item = items[Number(index)];
          if (item) found[item.criterion] = { ...found[item.criterion], [field || "value"]: d };
        }
        setProblems(found);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 id="appraisal-title">{t.index.appraisalOf(pick(card.unit.nameVi, card.unit.nameEn))}</h1>
      <p className="muted">
        {pick(card.assessment.nameVi, card.assessment.nameEn)} ·{" "}
        {pick(card.unit.groupNameVi, card.unit.groupNameEn)}
      </p>
      {!open && <p className="note">{t.index.appraisalClosed}</p>}
      {open && (
        <div className="toolbar save-bar">
          <button type="button" className="button button-primary" onClick={save} disabled={busy}>
            {busy ? t.index.saving : t.index.saveAppraisal}
          </button>
          {nothing && <p role="status">{t.index.nothingToSave}</p>}
        </div>
      )}
      <div className="criteria-grid appraisal-grid">
        {card.criteria.map((c) => (
          <AppraisalCard
            key={c.code}
            c={c}
            code={code}
            row={rows[c.code] ?? initialRow(c, lang)}
            problems={problems[c.code] ?? {}}
            disabled={!open || busy}
            onChange={(change) => edit(c.code, change)}
          />
        ))}
      </div>
      {failure !== null && <ErrorNote error={failure} />}
    </>
  );
}

function AppraisalCard({
  c,
  code,
  row,
  problems,
  disabled,
  onChange,
}: {
  c: Criterion;
  code: string;
  row: Row;
  problems: Record<string, Problem>;
  disabled: boolean;
  onChange: (change: Partial<Row>) => void;
}) {
  const { t, lang, pick } = useI18n();
  const id = `appraise-${domId(c.code)}`;
  const method = methodOf(c);
  const valueError = problems.value ?? problems.action ?? problems[""];
  const reasonError = problems.reason;
  return (
    <fieldset className="criterion panel" data-criterion={c.code}>
      <legend>
        <span className="code">{c.code}</span> {pick(c.nameVi, c.nameEn)}
      </legend>
      <dl className="facts">
        <div>
          <dt>{t.index.selfValue}</dt>
          <dd data-self-value>{showValue(method, c.self.value, t, lang)}</dd>
        </div>
        <div>
          <dt>{t.index.points}</dt>
          <dd>{t.index.pointsOf(num(c.self.points, lang), num(c.maxPoints, lang))}</dd>
        </div>
      </dl>
      {c.self.note && <p className="small">{c.self.note}</p>}
      <p className="small">
        <strong>{t.index.evidence}</strong>
      </p>
      <EvidenceList code={code} items={c.evidence} />
      <div className="field-stacked">
        <label htmlFor={`${id}-action`}>{t.index.action}</label>
        <select
          id={`${id}-action`}
          value={row.action}
          disabled={disabled}
          onChange={(e) => onChange({ action: e.target.value as Action })}
        >
          <option value="">{t.index.notYet}</option>
          <option value="confirm">{t.index.confirm}</option>
          <option value="adjust">{t.index.adjust}</option>
        </select>
      </div>
      {row.action === "adjust" && (
        <>
          <ValueInput
            id={`${id}-value`}
            label={t.index.adjustedValue}
            method={method}
            draft={row.draft}
            disabled={disabled}
            errorId={valueError ? `${id}-value-error` : undefined}
            onChange={(draft) => onChange({ draft })}
          />
          {valueError && (
            <p className="note-error-text" id={`${id}-value-error`}>
              {pick(valueError.message, valueError.message_en)}
            </p>
          )}
          <div className="field-stacked">
            <label htmlFor={`${id}-reason`}>{t.index.reason}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={row.reason}
              disabled={disabled}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
              onChange={(e) => onChange({ reason: e.target.value })}
            />
            {reasonError && (
              <p className="note-error-text" id={`${id}-reason-error`}>
                {pick(reasonError.message, reasonError.message_en)}
              </p>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
