import { useI18n } from "../../i18n/index.tsx";
import type { StatusCounts, Summary } from "./types.ts";

const STATUSES = ["done", "likely", "at_risk", "dependent", "discontinued"] as const;

function Bar({ counts }: { counts: StatusCounts }) {
  if (counts.total === 0) return null;
  return (
    <div className="stack" aria-hidden="true">
      {[...STATUSES, "no_data" as const].map((s) =>
        counts[s] > 0 ? (
          <span key={s} className={`stack-${s}`} style={{ flexGrow: counts[s] }} title={String(counts[s])} />
        ) : null,
      )}
    </div>
  );
}

/** Per pillar, how many indicators are done, likely, at risk, dependent or dropped. */
export function PillarPanel({ summary }: { summary: Summary }) {
  const { t, pick } = useI18n();
  const status = summary.status;
  // The statuses are the plan's whatever unit the screen shows: say so below the plan's own unit.
  const planUnit = summary.units.find((u) => u.code === summary.plan.scopeUnit);
  return (
    <section className="panel area-pillars" aria-labelledby="pillars-title">
      <h2 id="pillars-title">{t.ioc.pillars}</h2>
      {planUnit && planUnit.code !== summary.unit.code && (
        <p className="muted small">{t.ioc.pillarsOf(pick(planUnit.nameVi, planUnit.nameEn))}</p>
      )}
      {!status ? (
        <p className="muted">{t.ioc.outsidePlan(summary.plan.year)}</p>
      ) : (
        <table className="table table-compact pillars">
          <thead>
            <tr>
              <th scope="col">{t.ioc.pillar}</th>
              {STATUSES.map((s) => (
                <th scope="col" key={s} className="num">
                  <span className={`dot dot-${s}`} aria-hidden="true" /> {t.status[s]}
                </th>
              ))}
              <th scope="col" className="num">
                {t.status.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {status.pillars
              .filter((p) => p.counts.total > 0)
              .map((p) => (
                <tr key={p.code}>
                  <th scope="row">
                    {pick(p.nameVi, p.nameEn)}
                    <Bar counts={p.counts} />
                  </th>
                  {STATUSES.map((s) => (
                    <td key={s} className={`num ${p.counts[s] ? `count-${s}` : "muted"}`}>
                      {p.counts[s]}
                    </td>
                  ))}
                  <td className="num">{p.counts.total}</td>
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.status.total}</th>
              {STATUSES.map((s) => (
                <td key={s} className="num">
                  {status.totals[s]}
                </td>
              ))}
              <td className="num">{status.totals.total}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
