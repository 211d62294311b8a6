import { useEffect, useId, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import { ErrorNote, Loading, useLoad } from "../../components/common.tsx";
import { periodLabel, time } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { navigate, usePath } from "../../router.tsx";
import { CompletenessPanel } from "./CompletenessPanel.tsx";
import { FiguresPanel } from "./FiguresPanel.tsx";
import { MapPanel } from "./MapPanel.tsx";
import { PillarPanel } from "./PillarPanel.tsx";
import { RankingPanel } from "./RankingPanel.tsx";
import type { Summary } from "./types.ts";

const REFRESH_MS = 60_000;

function useFullscreen(ref: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const change = () => setOn(document.fullscreenElement === ref.current);
    document.addEventListener("fullscreenchange", change);
    return () => document.removeEventListener("fullscreenchange", change);
  }, [ref]);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void ref.current?.requestFullscreen();
  };
  return { on, toggle };
}

function Toolbar({
  summary,
  refreshed,
  onFullscreen,
  fullscreen,
}: {
  summary: Summary;
  refreshed: Date;
  onFullscreen: () => void;
  fullscreen: boolean;
}) {
  const { t, lang } = useI18n();
  const periodId = useId();
  const periods = summary.periods.includes(summary.period.id)
    ? summary.periods
    : [summary.period.id, ...summary.periods];
  return (
    <div className="toolbar">
      <div className="field-inline">
        <label htmlFor={periodId}>{t.ioc.period}</label>
        <select
          id={periodId}
          value={summary.period.id}
          onChange={(e) => navigate(`/ioc?period=${e.target.value}`, true)}
        >
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, lang)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small" aria-live="polite">
        {t.ioc.refreshed(time(refreshed, lang))}
      </p>
      <button type="button" className="button" onClick={onFullscreen}>
        {fullscreen ? t.ioc.exitFullscreen : t.ioc.fullscreen}
      </button>
    </div>
  );
}

/**
 * Màn hình điều hành (IOC) for the province's leaders: one request for every panel, refreshed
 * each minute (the server answers 304 while the data is unchanged). `data-ready` is set once all
 * panels show data: the browser tests and the bench wait for it.
 */
export default function IocPage() {
  const { t, pick } = useI18n();
  const path = usePath();
  const period = new URLSearchParams(path.split("?")[1] ?? "").get("period") ?? undefined;
  const [round, setRound] = useState(0);
  const loaded = useLoad(
    (signal) => api.get("/api/ioc/summary", { query: { period }, signal }),
    [period, round],
  );
  const [refreshed, setRefreshed] = useState(() => new Date());
  const ref = useRef<HTMLElement>(null);
  const fullscreen = useFullscreen(ref);
  useEffect(() => {
    const timer = window.setInterval(() => setRound((r) => r + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (loaded.data) setRefreshed(new Date());
  }, [loaded.data]);
  const summary = loaded.data;
  return (
    <section ref={ref} className="page ioc" data-ready={summary && !loaded.loading ? "true" : undefined}>
      <header className="page-head">
        <div>
          <h1>{t.ioc.title}</h1>
          {summary && <p className="muted">{pick(summary.plan.nameVi, summary.plan.nameEn)}</p>}
        </div>
        {summary && (
          <Toolbar
            summary={summary}
            refreshed={refreshed}
            onFullscreen={fullscreen.toggle}
            fullscreen={fullscreen.on}
          />
        )}
      </header>
      {loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : null}
      {!summary ? (
        !loaded.error && <Loading />
      ) : (
        <div className="ioc-grid">
          <PillarPanel summary={summary} />
          <MapPanel summary={summary} onChanged={loaded.reload} />
          <FiguresPanel summary={summary} />
          <CompletenessPanel summary={summary} />
          <RankingPanel summary={summary} />
        </div>
      )}
    </section>
  );
}
