import { ScrollRegion } from "../../components/common.tsx";
import { num, periodLabel, shortMonth } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { Summary } from "./types.ts";

type Cell = Summary["completeness"]["totals"][number];

/** A cell's state: every report on time, some late, some missing, or none expected. */
function stateOf(c: Cell): string {
  if (c.expected === 0) return "none";
  if (c.missing > 0) return "missing";
  return c.late > 0 ? "late" : "ontime";
}

function GridCell({ cell, unit }: { cell: Cell; unit: string }) {
  const { t, lang } = useI18n();
  const sent = cell.onTime + cell.late;
  const title =
    cell.expected === 0
      ? t.ioc.notExpected
      : t.ioc.cellTitle(unit, periodLabel(cell.period, lang), cell.onTime, cell.late, cell.missing);
  return (
    <td className={`cell cell-${stateOf(cell)}`} title={title}>
      <span aria-hidden="true">{cell.expected === 0 ? "·" : `${sent}/${cell.expected}`}</span>
      <span className="sr-only">{title}</span>
    </td>
  );
}

/**
 * Tính đầy đủ, kịp thời: the screen's unit in total and the units below it (the province's
 * districts and departments, a district's communes) by month, on time, late or missing.
 */
export function CompletenessPanel({ summary }: { summary: Summary }) {
  const { t, lang, pick } = useI18n();
  const grid = summary.completeness;
  const total = t.ioc.total(pick(summary.unit.nameVi, summary.unit.nameEn));
  const current = grid.totals.at(-1);
  const rate = current?.expected ? ((current.onTime + current.late) / current.expected) * 100 : null;
  return (
    <section className="panel area-completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">
        {t.ioc.completeness}
        {rate !== null && <span className="headline-figure"> · {num(rate, lang)}%</span>}
      </h2>
      <p className="muted small">{t.ioc.completenessNote}</p>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch cell-ontime" /> {t.ioc.onTime}
        </li>
        <li>
          <span className="swatch cell-late" /> {t.ioc.late}
        </li>
        <li>
          <span className="swatch cell-missing" /> {t.ioc.missing}
        </li>
        <li>
          <span className="swatch cell-none" /> {t.ioc.notExpected}
        </li>
      </ul>
      <ScrollRegion label={t.ioc.completeness}>
        <table className="table table-compact grid">
          <thead>
            <tr>
              <th scope="col">{t.ioc.unit}</th>
              {grid.months.map((m) => (
                <th scope="col" key={m} className="num">
                  {shortMonth(m, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="grid-total">
              <th scope="row">{total}</th>
              {grid.totals.map((c) => (
                <GridCell key={c.period} cell={c} unit={total} />
              ))}
            </tr>
            {grid.rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{pick(r.nameVi, r.nameEn)}</th>
                {r.cells.map((c) => (
                  <GridCell key={c.period} cell={c} unit={pick(r.nameVi, r.nameEn)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
