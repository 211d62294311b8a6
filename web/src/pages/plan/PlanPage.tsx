import { useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { num, periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { HistoryChart } from "./HistoryChart.tsx";
import { JudgementForms } from "./JudgementForms.tsx";

async function load(signal: AbortSignal) {
  const [plans, periods] = await Promise.all([
    api.get("/api/plans", { signal }),
    api.get("/api/ioc/periods", { signal }),
  ]);
  const plan = plans.find((p) => p.status === "active") ?? plans[0];
  if (!plan) return null;
  const period = periods.periods.find((p) => p.startsWith(String(plan.year))) ?? `${plan.year}12`;
  const status = await api.get("/api/plans/{code}/status", {
    params: { code: plan.code },
    query: { period },
    signal,
  });
  return { plan, period, status };
}

/** Kế hoạch: every indicator by pillar with its value, target, status and reason; its history on demand. */
export default function PlanPage() {
  const { t, lang, pick } = useI18n();
  const loaded = useLoad(load, []);
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const onSaved = () => {
    setSaved(true);
    loaded.reload();
  };
  return (
    <section className="page" aria-labelledby="plan-title">
      <h1 id="plan-title">{t.plan.title}</h1>
      <Show loaded={loaded}>
        {(data) =>
          data && (
            <>
              <p className="muted">
                {pick(data.plan.nameVi, data.plan.nameEn)} · {periodLabel(data.period, lang)}
              </p>
              {saved && (
                <p className="note note-ok" role="status">
                  {t.plan.judge.saved}
                </p>
              )}
              {data.status.pillars
                .filter((p) => p.counts.total > 0)
                .map((pillar) => (
                  <section key={pillar.code} className="panel">
                    <h2>{pick(pillar.nameVi, pillar.nameEn)}</h2>
                    <table className="table table-compact">
                      <thead>
                        <tr>
                          <th scope="col">{t.plan.indicator}</th>
                          <th scope="col" className="num">
                            {t.plan.value}
                          </th>
                          <th scope="col" className="num">
                            {t.plan.target}
                          </th>
                          <th scope="col">{t.plan.status}</th>
                          <th scope="col">{t.plan.reason}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.status.indicators
                          .filter((i) => i.pillar === pillar.code)
                          .flatMap((i) => [
                            <tr key={i.code}>
                              <th scope="row">
                                <button
                                  type="button"
                                  className="link"
                                  aria-expanded={open === i.code}
                                  onClick={() => setOpen(open === i.code ? null : i.code)}
                                >
                                  {i.code}. {pick(i.nameVi, i.nameEn)}
                                </button>
                              </th>
                              <td className="num">{num(i.value, lang)}</td>
                              <td className="num">{num(i.target, lang)}</td>
                              <td>
                                <span className={`badge badge-${i.status}`}>{t.status[i.status]}</span>
                                {i.overridden && (
                                  <span className="muted small"> ({t.plan.judge.overridden})</span>
                                )}
                              </td>
                              <td className="small">{i.reason ?? pick(i.explanationVi, i.explanationEn)}</td>
                            </tr>,
                            open === i.code ? (
                              <tr key={`${i.code}-history`}>
                                <td colSpan={5}>
                                  <HistoryChart plan={data.plan.code} indicator={i.code} to={data.period} />
                                  {data.status.canJudge && (
                                    <JudgementForms
                                      plan={data.plan.code}
                                      indicator={i.code}
                                      period={data.period}
                                      onSaved={onSaved}
                                    />
                                  )}
                                </td>
                              </tr>
                            ) : null,
                          ])}
                      </tbody>
                    </table>
                  </section>
                ))}
            </>
          )
        }
      </Show>
    </section>
  );
}
