import { lazy, Suspense, useId, useMemo, useState } from "react";
import { Loading } from "../../components/common.tsx";
import { num, pct } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useSession } from "../../session.tsx";
import { BoundaryUpload } from "./BoundaryUpload.tsx";
import { anyPlaced, placeTiles } from "./tiles.ts";
import type { Summary } from "./types.ts";

const Choropleth = lazy(() => import("./Choropleth.tsx"));

/** The fills of the five steps, light to dark, as the tiles' classes draw them (ioc.css). */
const COLOURS = ["#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08519c"];
const NO_DATA = "#f0f2f5";

/** Five steps of one hue, light to dark (readable by colour-blind people). */
const STEPS = 5;
const LEVELS = Array.from({ length: STEPS }, (_, i) => i);

type Unit = Summary["map"]["units"][number];

/** The number a tile is coloured by: the share of the whole when the figure has one. */
function shown(unit: Unit, code: string): { value: number | null; isShare: boolean } {
  const v = unit.values[code];
  if (!v) return { value: null, isShare: false };
  return v.share !== null ? { value: v.share, isShare: true } : { value: v.value, isShare: false };
}

/** The spread of a figure's shares over the units (0 when it has none). */
function spread(map: Summary["map"], code: string): number {
  const shares = map.units
    .map((u) => u.values[code]?.share)
    .filter((v): v is number => typeof v === "number");
  return shares.length ? Math.max(...shares) - Math.min(...shares) : 0;
}

/**
 * The figure shown first: a share (households on fibre, 83,66%) compares districts of different
 * sizes fairly, and the one whose districts differ most tells the most.
 */
function firstShown(map: Summary["map"]): string {
  const ranked = [...map.figures].sort((a, b) => spread(map, b.code) - spread(map, a.code));
  return ranked[0]?.code ?? "";
}

function step(value: number, min: number, max: number): number {
  if (max === min) return STEPS - 1;
  return Math.min(STEPS - 1, Math.floor(((value - min) / (max - min)) * STEPS));
}

/**
 * The units below the screen's unit (the province's districts, a district's communes) coloured by
 * a chosen figure: on their real boundaries when an admin loaded them, otherwise as squares,
 * roughly in place for Đồng Tháp's districts, in rows for others. A commune has none below it.
 */
export function MapPanel({ summary, onChanged }: { summary: Summary; onChanged: () => void }) {
  const { t, lang, pick } = useI18n();
  const { can } = useSession();
  const selectId = useId();
  const { figures, units } = summary.map;
  const [code, setCode] = useState(() => firstShown(summary.map));
  const figure = figures.find((f) => f.code === code) ?? figures[0];
  const places = useMemo(() => placeTiles(units.map((u) => u.code)), [units]);
  const values = units.map((u) => shown(u, figure?.code ?? "").value).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const format = (u: Unit) => {
    const s = shown(u, figure?.code ?? "");
    if (s.value === null) return t.ioc.mapNoData;
    return s.isShare ? pct(s.value, lang) : num(s.value, lang);
  };
  const stepOf = (u: Unit): number | null => {
    const s = shown(u, figure?.code ?? "");
    return s.value === null ? null : step(s.value, min, max);
  };
  const label = figure ? pick(figure.labelVi, figure.labelEn) : t.ioc.map;
  const { level, boundaries } = summary.map;
  return (
    <section className="panel area-map" aria-labelledby="map-title">
      <h2 id="map-title">{t.ioc.map}</h2>
      {figure && (
        <div className="field-stacked">
          <label htmlFor={selectId}>{t.ioc.mapFigure}</label>
          <select id={selectId} value={figure.code} onChange={(e) => setCode(e.target.value)}>
            {figures.map((f) => (
              <option key={f.code} value={f.code}>
                {pick(f.labelVi, f.labelEn)}
              </option>
            ))}
          </select>
        </div>
      )}
      {units.length === 0 ? (
        <p className="muted">{t.ioc.mapNone}</p>
      ) : level !== null && boundaries !== null ? (
        <Suspense fallback={<Loading />}>
          <Choropleth
            level={level}
            version={boundaries}
            label={label}
            areas={units.map((u) => {
              const stepped = stepOf(u);
              return {
                code: u.code,
                name: pick(u.nameVi, u.nameEn),
                colour: stepped === null ? NO_DATA : (COLOURS[stepped] ?? NO_DATA),
                text: format(u),
              };
            })}
          />
        </Suspense>
      ) : (
        <ul className="tiles" aria-label={label}>
          {units.map((u) => {
            const place = places.get(u.code);
            const stepped = stepOf(u);
            return (
              <li
                key={u.code}
                className={`tile tile-${stepped ?? "none"}`}
                style={{ gridColumn: (place?.column ?? 0) + 1, gridRow: (place?.row ?? 0) + 1 }}
              >
                <span className="tile-name">{pick(u.nameVi, u.nameEn)}</span>
                <span className="tile-value">{format(u)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {values.length > 0 && (
        <div className="scale" aria-hidden="true">
          <span>{t.ioc.low}</span>
          {LEVELS.map((n) => (
            <span key={n} className={`swatch tile-${n}`} />
          ))}
          <span>{t.ioc.high}</span>
        </div>
      )}
      {boundaries === null && units.length > 0 && (
        <p className="muted small">
          {anyPlaced(units.map((u) => u.code)) ? t.ioc.mapNote : t.ioc.mapNoteRows}
        </p>
      )}
      {can("admin") && level !== null && (
        <BoundaryUpload level={level} loaded={boundaries !== null} onChanged={onChanged} />
      )}
    </section>
  );
}
