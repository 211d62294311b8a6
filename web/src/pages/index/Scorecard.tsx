import { type MutableRefObject, useRef, useState } from "react";
import { ApiError, api, type FieldProblem } from "../../api/client.ts";
import { ErrorNote, ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { Flash } from "../../components/flash.tsx";
import { date, num, signed } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { EvidenceList } from "./Evidence.tsx";
import { SelfAssessmentForm } from "./SelfAssessment.tsx";
import type { Criterion, Scorecard } from "./types.ts";
import { methodOf } from "./types.ts";
import { indexText, showValue } from "./values.ts";

/** Problems the server named by criterion (`criteria.1.2`, as a refused submission lists them). */
export type Problems = Record<string, Pick<FieldProblem, "message" | "message_en">>;

/** Phiếu kết quả of one unit, and the self-assessment form for those who may fill it now. */
export default function ScorecardPage({ code, unit }: { code: string; unit: string }) {
  const { t } = useI18n();
  const loaded = useLoad(
    (signal) => api.get("/api/assessments/{code}/units/{unit}/scorecard", { params: { code, unit }, signal }),
    [code, unit],
  );
  return (
    <section className="page index-page" aria-labelledby="scorecard-title">
      <p>
        <Link to={`/index?a=${encodeURIComponent(code)}`}>← {t.index.back}</Link>
      </p>
      <Show loaded={loaded}>{(card) => <ScorecardView card={card} reload={loaded.reload} />}</Show>
    </section>
  );
}

function ScorecardView({ card, reload }: { card: Scorecard; reload: () => void }) {
  const { t, lang, pick } = useI18n();
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  // The form's "save now", so that a submission never leaves typed values behind.
  const flush = useRef<(() => Promise<boolean>) | null>(null);
  const code = card.assessment.code;
  return (
    <>
      <h1 id="scorecard-title">{t.index.scorecardOf(pick(card.unit.nameVi, card.unit.nameEn))}</h1>
      <Flash />
      {notice && (
        <p className="note note-ok" role="status">
          {notice}
        </p>
      )}
      <p className="muted">
        {pick(card.assessment.nameVi, card.assessment.nameEn)} · {t.index.group}:{" "}
        {pick(card.unit.groupNameVi, card.unit.groupNameEn)} ·{" "}
        <span className={`badge badge-${card.unit.status}`} data-unit-status={card.unit.status}>
          {t.index.unitStatus[card.unit.status] ?? card.unit.status}
        </span>
        {card.unit.submittedAt && ` ${date(card.unit.submittedAt, lang)}`}
      </p>
      {card.partial && <p className="note">{t.index.partial}</p>}
      {card.assessment.provisional && <p className="note note-warning">{t.index.provisional}</p>}
      <dl className="facts scorecard-facts">
        {card.rank !== null && (
          <div>
            <dt>{t.index.rank}</dt>
            <dd data-rank>{card.rank}</dd>
          </div>
        )}
        <div>
          <dt>{t.index.appraisedPoints}</dt>
          <dd data-total>
            {num(card.total.appraised, lang)} {t.index.of(num(card.total.maxPoints, lang))}
          </dd>
        </div>
        <div>
          <dt>{t.index.selfPoints}</dt>
          <dd data-self-total>{num(card.total.self, lang)}</dd>
        </div>
        <div>
          <dt>{t.index.index}</dt>
          <dd>{indexText(card.index.appraised, lang)}</dd>
        </div>
        <div>
          <dt>{t.index.downloads}</dt>
          <dd>
            <a
              href={api.href("/api/assessments/{code}/units/{unit}/scorecard.xlsx", {
                params: { code, unit: card.unit.code },
              })}
              download
            >
              {t.index.scorecardExcel}
            </a>
          </dd>
        </div>
      </dl>
      {card.may.submit && (
        <SubmitPanel
          card={card}
          onProblems={setProblems}
          onDone={() => setNotice(t.index.submitted)}
          reload={reload}
          flush={flush}
        />
      )}
      {card.may.fill ? (
        <SelfAssessmentForm card={card} reload={reload} problems={problems} flush={flush} />
      ) : (
        <>
          {card.unit.status === "submitted" && card.assessment.status === "self_assessment" && (
            <p className="note">{t.index.locked}</p>
          )}
          <CriteriaTable card={card} problems={problems} />
        </>
      )}
    </>
  );
}

/** Nộp: the unit's approver sends the self-assessment once every criterion has a value. */
function SubmitPanel({
  card,
  onProblems,
  onDone,
  reload,
  flush,
}: {
  card: Scorecard;
  onProblems: (p: Problems) => void;
  onDone: () => void;
  reload: () => void;
  flush: MutableRefObject<(() => Promise<boolean>) | null>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!window.confirm(t.index.submitConfirm)) return;
    setBusy(true);
    setError(null);
    try {
      if (flush.current && !(await flush.current())) return;
      await api.post("/api/assessments/{code}/units/{unit}/submit", {
        params: { code: card.assessment.code, unit: card.unit.code },
      });
      onProblems({});
      onDone();
      reload();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) {
        const named: Problems = {};
        for (const d of e.details) if (d.path.startsWith("criteria.")) named[d.path.slice(9)] = d;
        onProblems(named);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel submit-panel">
      <p className="muted">{t.index.submitHint}</p>
      {error !== null && <ErrorNote error={error} />}
      <button type="button" className="button button-primary" disabled={busy} onClick={submit}>
        {busy ? t.index.submitting : t.index.submit}
      </button>
    </div>
  );
}

/** Criteria grouped under their pillar: value and points, self-assessed beside appraised. */
export function CriteriaTable({ card, problems }: { card: Scorecard; problems: Problems }) {
  const { t, lang, pick } = useI18n();
  return (
    <ScrollRegion className="scroll-wide" label={t.index.criteriaLabel}>
      <table className="table scorecard-table">
        <thead>
          <tr>
            <th scope="col">{t.index.criterion}</th>
            <th scope="col" className="num">
              {t.index.maxPoints}
            </th>
            <th scope="col">{t.index.selfValue}</th>
            <th scope="col" className="num">
              {t.index.selfPoints}
            </th>
            <th scope="col">{t.index.appraisedValue}</th>
            <th scope="col" className="num">
              {t.index.appraisedPoints}
            </th>
          </tr>
        </thead>
        {card.pillars.map((p) => {
          const criteria = card.criteria.filter((c) => c.pillar === p.code);
          if (criteria.length === 0) return null;
          return (
            <tbody key={p.code} data-pillar={p.code}>
              <tr className="pillar-row">
                <th scope="rowgroup">{pick(p.nameVi, p.nameEn)}</th>
                <td className="num">{num(p.maxPoints, lang)}</td>
                <td />
                <td className="num">{num(p.self, lang)}</td>
                <td />
                <td className="num">{num(p.appraised, lang)}</td>
              </tr>
              {criteria.map((c) => (
                <CriterionRow key={c.code} c={c} code={card.assessment.code} problem={problems[c.code]} />
              ))}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}

function CriterionRow({
  c,
  code,
  problem,
}: {
  c: Criterion;
  code: string;
  problem?: Pick<FieldProblem, "message" | "message_en">;
}) {
  const { t, lang, pick } = useI18n();
  const method = methodOf(c);
  const reason = c.council?.reason ?? c.appraisal?.reason;
  return (
    <tr data-criterion={c.code}>
      <th scope="row" className="criterion-name">
        <span className="code">{c.code}</span> {pick(c.nameVi, c.nameEn)}
        {problem && <p className="note-error-text">{pick(problem.message, problem.message_en)}</p>}
        <EvidenceList code={code} items={c.evidence} quiet />
      </th>
      <td className="num">{num(c.maxPoints, lang)}</td>
      <td data-self-value>{showValue(method, c.self.value, t, lang)}</td>
      <td className="num">{num(c.self.points, lang)}</td>
      <td data-appraised-value>
        {showValue(method, c.appraised.value, t, lang)}
        {c.appraisal && (
          <span className="muted small">
            {" "}
            ({c.council ? t.index.adjust : c.appraisal.action === "adjust" ? t.index.adjust : t.index.confirm}
            )
          </span>
        )}
        {reason && <p className="small muted">{reason}</p>}
      </td>
      <td className="num">
        {num(c.appraised.points, lang)}
        {c.difference !== 0 && <span className="small muted"> ({signed(c.difference, lang)})</span>}
      </td>
    </tr>
  );
}
