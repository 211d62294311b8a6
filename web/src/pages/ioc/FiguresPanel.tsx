import { date as dateLabel, num, pct, periodLabel, signed } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Sparkline } from "./Sparkline.tsx";
import type { Figure, Summary } from "./types.ts";

function Change({ figure }: { figure: Figure }) {
  const { t, lang } = useI18n();
  if (figure.value === null || figure.previousValue === null) return null;
  const change = figure.value - figure.previousValue;
  const direction = change > 0 ? "up" : change < 0 ? "down" : "flat";
  return (
    <span className={`change change-${direction}`} title={t.ioc.change}>
      <span aria-hidden="true">{direction === "up" ? "▲" : direction === "down" ? "▼" : "■"}</span>{" "}
      <span className="sr-only">{t.ioc.change}: </span>
      {signed(change, lang)}
    </span>
  );
}

function FigureCard({ figure }: { figure: Figure }) {
  const { t, lang, pick } = useI18n();
  const label = pick(figure.labelVi, figure.labelEn);
  const trend = figure.trend.map((p) => `${periodLabel(p.period, lang)}: ${num(p.value, lang)}`).join("; ");
  return (
    <li className="figure" data-figure={figure.code}>
      <p className="figure-label">{label}</p>
      <p className="figure-value">
        {figure.value === null ? (
          <span className="muted">{t.ioc.noData}</span>
        ) : (
          <>
            <strong>{num(figure.value, lang)}</strong>{" "}
            {lang === "vi" && figure.unitOfMeasureVi ? (
              <span className="unit">{figure.unitOfMeasureVi}</span>
            ) : null}
          </>
        )}
      </p>
      <p className="figure-meta">
        {figure.sharePercent !== null && <span>{t.ioc.share(pct(figure.sharePercent, lang))}</span>}
        <Change figure={figure} />
      </p>
      <p className="figure-meta muted">{t.ioc.previous(num(figure.previousValue, lang))}</p>
      <Sparkline values={figure.trend.map((p) => p.value)} label={t.ioc.trend(trend)} />
    </li>
  );
}

/** Số liệu nổi bật: each key figure, its change on last period and its twelve-month trend. */
export function FiguresPanel({ summary }: { summary: Summary }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel area-figures" aria-labelledby="figures-title">
      <h2 id="figures-title">{t.ioc.figures}</h2>
      <ul className="figures">
        {summary.figures.map((f) => (
          <FigureCard key={`${f.pillar}-${f.code}`} figure={f} />
        ))}
      </ul>
      <p className="muted small" data-view={summary.view.kind}>
        {summary.view.kind === "asOf" && summary.view.asOf
          ? t.ioc.viewAsOf(dateLabel(summary.view.asOf, lang))
          : t.ioc.viewOwnPeriod}
      </p>
    </section>
  );
}
