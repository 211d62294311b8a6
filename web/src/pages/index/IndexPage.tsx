import { ApiError, api } from "../../api/client.ts";
import { ErrorNote, ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { Flash } from "../../components/flash.tsx";
import { date, num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate, usePath } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import type { Assessment, AssessmentList, Ranking } from "./types.ts";
import { indexText } from "./values.ts";

/** The assessment named in the address (?a=DTI-2022), else the newest. */
function chosen(list: AssessmentList, path: string): string | undefined {
  const asked = new URLSearchParams(path.split("?")[1] ?? "").get("a");
  if (asked && list.some((a) => a.code === asked)) return asked;
  return [...list].sort((x, y) => x.year - y.year).at(-1)?.code;
}

export const unitLink = (code: string, unit: string) =>
  `/index/${encodeURIComponent(code)}/units/${encodeURIComponent(unit)}`;

/** Chỉ số CĐS: the assessments, and for the chosen one its step, the user's units and the ranking. */
export default function IndexPage() {
  const { t } = useI18n();
  const path = usePath();
  const list = useLoad((signal) => api.get("/api/assessments", { signal }), []);
  return (
    <section className="page index-page" aria-labelledby="index-title">
      <h1 id="index-title">{t.index.title}</h1>
      <Flash />
      <Show loaded={list}>
        {(items) => {
          const code = chosen(items, path);
          if (!code) return <p>{t.index.none}</p>;
          return (
            <>
              <div className="toolbar">
                <div className="field-inline">
                  <label htmlFor="index-assessment">{t.index.assessment}</label>
                  <select
                    id="index-assessment"
                    value={code}
                    onChange={(e) => navigate(`/index?a=${encodeURIComponent(e.target.value)}`, true)}
                  >
                    {[...items].reverse().map((a) => (
                      <option key={a.code} value={a.code}>
                        {a.code} · {t.index.steps[a.status] ?? a.status}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <AssessmentView code={code} />
            </>
          );
        }}
      </Show>
    </section>
  );
}

function AssessmentView({ code }: { code: string }) {
  const loaded = useLoad(
    (signal) => api.get("/api/assessments/{code}", { params: { code }, signal }),
    [code],
  );
  return (
    <Show loaded={loaded}>
      {(a) => (
        <>
          <Facts a={a} />
          <MyUnits a={a} />
          <RankingView a={a} />
        </>
      )}
    </Show>
  );
}

function Facts({ a }: { a: Assessment }) {
  const { t, lang, pick } = useI18n();
  return (
    <>
      <h2>{pick(a.nameVi, a.nameEn)}</h2>
      <dl className="facts">
        <div>
          <dt>{t.index.step}</dt>
          <dd>
            <span className={`badge badge-step-${a.status}`}>{t.index.steps[a.status] ?? a.status}</span>
          </dd>
        </div>
        <div>
          <dt>{t.index.selfDue}</dt>
          <dd>{date(a.selfAssessmentDue, lang)}</dd>
        </div>
        <div>
          <dt>{t.index.appraisalDue}</dt>
          <dd>{date(a.appraisalDue, lang)}</dd>
        </div>
        {a.decision && (
          <div>
            <dt>{t.index.decision(a.decision.number, date(a.decision.date, lang))}</dt>
            <dd>{t.index.announced(date(a.decision.announcedOn, lang))}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/** The units the user works for (its own grants), with a way into their scorecard or form. */
function MyUnits({ a }: { a: Assessment }) {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const mine = a.units.filter((u) =>
    me?.grants.some((g) => g.unitCode === u.code && ["reporter", "approver", "viewer"].includes(g.role)),
  );
  const appraises = can("appraiser") && (a.status === "appraisal" || a.status === "council");
  if (mine.length === 0 && !appraises) return null;
  const filling = a.status === "self_assessment";
  return (
    <div className="panel my-units">
      {appraises && (
        <p>
          <Link className="button button-primary" to={`/index/${encodeURIComponent(a.code)}/appraisal`}>
            {t.index.worklist}
          </Link>
        </p>
      )}
      {mine.length > 0 && (
        <>
          <h2>{t.index.myUnits}</h2>
          <ul className="work-list">
            {mine.map((u) => (
              <li key={u.code} className={`work work-${u.status === "submitted" ? "submitted" : "open"}`}>
                <span>
                  <strong>{pick(u.nameVi, u.nameEn)}</strong>{" "}
                  <span className={`badge badge-${u.status}`}>
                    {t.index.unitStatus[u.status] ?? u.status}
                  </span>
                </span>
                <Link
                  className={`button button-small ${filling && u.status === "draft" ? "button-primary" : ""}`}
                  to={unitLink(a.code, u.code)}
                >
                  {filling && u.status === "draft" ? t.index.selfAssess : t.index.openScorecard}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RankingView({ a }: { a: Assessment }) {
  const { t } = useI18n();
  const loaded = useLoad(
    (signal) =>
      api.get("/api/assessments/{code}/ranking", { params: { code: a.code }, signal }).catch((e: unknown) => {
        // Before publication only admins and appraisers see it: say so, without an error.
        if (e instanceof ApiError && (e.code === "RESULTS_NOT_PUBLISHED" || e.status === 403)) return null;
        throw e;
      }),
    [a.code],
  );
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <p className="note">{t.index.notVisible}</p>;
  return <Show loaded={loaded}>{(r) => (r ? <RankingTables ranking={r} /> : null)}</Show>;
}

function RankingTables({ ranking }: { ranking: Ranking }) {
  const { t, lang, pick } = useI18n();
  const code = ranking.assessment.code;
  const rankChange = (change: number | null | undefined, hasPrevious: boolean) => {
    if (!hasPrevious) return t.index.newUnit;
    if (change === null || change === undefined) return "—";
    if (change === 0) return t.index.same;
    return change > 0 ? t.index.up(num(change, lang)) : t.index.down(num(-change, lang));
  };
  return (
    <section aria-labelledby="ranking-title">
      <div className="page-head">
        <h2 id="ranking-title">{t.index.ranking}</h2>
        <p className="downloads">
          <span className="muted">{t.index.downloads}:</span>{" "}
          <a
            className="button button-small"
            href={api.href("/api/assessments/{code}/ranking.xlsx", { params: { code } })}
            download
          >
            {t.index.excel}
          </a>{" "}
          <a
            className="button button-small"
            href={api.href("/api/assessments/{code}/ranking.docx", { params: { code } })}
            download
          >
            {t.index.word}
          </a>
        </p>
      </div>
      {ranking.assessment.provisional && <p className="note note-warning">{t.index.provisional}</p>}
      {ranking.groups.map((g) => {
        const counts = new Map<number, number>();
        for (const r of g.rows) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
        return (
          <div key={g.code} className="ranking-group" data-group={g.code}>
            <h3>
              {t.index.group}: {pick(g.nameVi, g.nameEn)}{" "}
              <span className="muted small">({t.index.of(num(g.maxTotal, lang))})</span>
            </h3>
            <ScrollRegion className="scroll-wide" label={`${t.index.group}: ${pick(g.nameVi, g.nameEn)}`}>
              <table className="table ranking-table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t.index.rank}
                    </th>
                    <th scope="col">{t.index.unit}</th>
                    <th scope="col" className="num">
                      {t.index.total}
                    </th>
                    <th scope="col" className="num">
                      {t.index.index}
                    </th>
                    <th scope="col" className="num hide-narrow">
                      {t.index.selfTotal}
                    </th>
                    {ranking.assessment.previous && (
                      <th scope="col" className="hide-narrow">
                        {t.index.rankChange}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => (
                    <tr key={r.unit} data-unit={r.unit}>
                      <td className="num">
                        {r.rank}
                        {(counts.get(r.rank) ?? 0) > 1 && <span className="tie"> {t.index.tie}</span>}
                      </td>
                      <td>
                        <Link to={unitLink(code, r.unit)}>{pick(r.nameVi, r.nameEn)}</Link>
                      </td>
                      <td className="num">{num(r.total, lang)}</td>
                      <td className="num">{indexText(r.index, lang)}</td>
                      <td className="num hide-narrow">{num(r.selfTotal, lang)}</td>
                      {ranking.assessment.previous && (
                        <td className="hide-narrow">
                          {rankChange(r.change?.rankChange, r.change?.previousRank != null)}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        );
      })}
    </section>
  );
}
