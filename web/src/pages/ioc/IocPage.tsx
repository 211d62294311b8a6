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

/** The IOC's address for a unit and a period (either left to the server's default when absent). */
function iocPath(unit: string | undefined, period: string | undefined): string {
  const query = new URLSearchParams();
  if (unit) query.set("unit", unit);
  if (period) query.set("period", period);
  const text = query.toString();
  return text ? `/ioc?${text}` : "/ioc";
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
  const { t, lang, pick } = useI18n();
  const periodId = useId();
  const unitId = useId();
  const periods = summary.periods.includes(summary.period.id)
    ? summary.periods
    : [summary.period.id, ...summary.periods];
  const units = summary.units.some((u) => u.code === summary.unit.code)
    ? summary.units
    : [...summary.units, summary.unit];
  return (
    <div className="toolbar">
      <div className="field-inline">
        <label htmlFor={unitId}>{t.ioc.scope}</label>
        <select
          id={unitId}
          value={summary.unit.code}
          disabled={units.length < 2}
          onChange={(e) => navigate(iocPath(e.target.value, summary.period.id), true)}
        >
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {pick(u.nameVi, u.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={periodId}>{t.ioc.period}</label>
        <select
          id={periodId}
          value={summary.period.id}
          onChange={(e) => navigate(iocPath(summary.unit.code, e.target.value), true)}
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
 * Màn hình điều hành (IOC), for every signed-in user on their own scope (the server picks the
 * unit and the latest month whose reports are due; `?unit=&period=` pick others): one request for
 * every panel, refreshed each minute (the server answers 304 while the data is unchanged).
 * `data-ready` is set once all panels show data: the browser tests and the bench wait for it.
 */
export default function IocPage() {
  const { t, pick } = useI18n();
  const path = usePath();
  const params = new URLSearchParams(path.split("?")[1] ?? "");
  const period = params.get("period") ?? undefined;
  const unit = params.get("unit") ?? undefined;
  const [round, setRound] = useState(0);
  const loaded = useLoad(
    (signal) => api.get("/api/ioc/summary", { query: { period, unit }, signal }),
    [period, unit, round],
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
          {summary && (
            <p className="muted">
              {pick(summary.plan.nameVi, summary.plan.nameEn)} ·{" "}
              {pick(summary.unit.nameVi, summary.unit.nameEn)}
            </p>
          )}
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
      {loaded.error ? (
        // A unit asked for in the address may lie outside this user's scope: retrying cannot help,
        // their own scope can.
        unit ? (
          <>
            <ErrorNote error={loaded.error} />
            <button
              type="button"
              className="button"
              onClick={() => navigate(iocPath(undefined, period), true)}
            >
              {t.ioc.ownScope}
            </button>
          </>
        ) : (
          <ErrorNote error={loaded.error} onRetry={loaded.reload} />
        )
      ) : null}
      {summary?.reach === "plan" && (
        <p className="note">{t.ioc.planReach(pick(summary.unit.nameVi, summary.unit.nameEn))}</p>
      )}
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
