import { useState } from "react";
import { ScrollRegion } from "../../components/common.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { Summary } from "./types.ts";

/** Bảng xếp hạng of the latest published index, one group at a time. */
export function RankingPanel({ summary }: { summary: Summary }) {
  const { t, lang, pick } = useI18n();
  const ranking = summary.ranking;
  const [chosen, setChosen] = useState(0);
  const group = ranking?.groups[chosen] ?? ranking?.groups[0];
  return (
    <section className="panel area-ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t.ioc.ranking}</h2>
      {!ranking || !group ? (
        <p className="muted">{t.ioc.noRanking}</p>
      ) : (
        <>
          <p className="muted small">{pick(ranking.nameVi, ranking.nameEn)}</p>
          <div className="tabs">
            {ranking.groups.map((g, i) => (
              <button
                key={g.code}
                type="button"
                className="tab"
                aria-pressed={g.code === group.code}
                onClick={() => setChosen(i)}
              >
                {pick(g.nameVi, g.nameEn)}
              </button>
            ))}
          </div>
          <ScrollRegion label={pick(group.nameVi, group.nameEn)}>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t.ioc.rank}
                  </th>
                  <th scope="col">{t.ioc.unit}</th>
                  <th scope="col" className="num">
                    {t.ioc.points}
                  </th>
                  <th scope="col" className="num">
                    {t.ioc.index}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((r) => (
                  <tr key={r.unit}>
                    <td className="num">{r.rank}</td>
                    <td>{pick(r.nameVi, r.nameEn)}</td>
                    <td className="num">{num(r.total, lang)}</td>
                    <td className="num">{num(r.index, lang, 4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
