import type { ResponseOf } from "../../api/client.ts";
import { num, signed } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";

type Detail = ResponseOf<"GET /api/submissions/{id}">;
type Form = ResponseOf<"GET /api/forms/{code}">;
type Value = Detail["values"][number]["value"];

function shown(v: Value, lang: "vi" | "en", yes: string, no: string): string {
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? yes : no;
  return typeof v === "number" ? num(v, lang) : v;
}

/**
 * This period's figures beside last period's; a changed figure is marked, a large change more;
 * a value the data-quality rules flag (`flagged`, metric codes) carries a warning sign.
 */
export function ValuesTable({
  detail,
  form,
  flagged = new Set(),
}: {
  detail: Detail;
  form: Form;
  flagged?: ReadonlySet<string>;
}) {
  const { t, lang, pick } = useI18n();
  const byCode = new Map(form.metrics.map((m) => [m.code, m]));
  const rows = detail.values.filter((v) => v.value !== null || v.previousValue !== null);
  const changed = rows.filter((v) => v.value !== v.previousValue).length;
  return (
    <section className="panel">
      <p className="muted small">{t.approvals.changedCount(changed)}</p>
      <table className="table values-table">
        <thead>
          <tr>
            <th scope="col">{t.approvals.metric}</th>
            <th scope="col" className="num">
              {t.approvals.value}
            </th>
            <th scope="col" className="num">
              {t.approvals.previous}
            </th>
            <th scope="col" className="num">
              {t.approvals.change}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const m = byCode.get(v.metric);
            const isChanged = v.value !== v.previousValue;
            const delta =
              typeof v.value === "number" && typeof v.previousValue === "number"
                ? v.value - v.previousValue
                : null;
            const large =
              delta !== null && v.previousValue !== 0 && Math.abs(delta / Number(v.previousValue)) > 0.2;
            return (
              <tr
                key={v.metric}
                className={isChanged ? (large ? "changed changed-large" : "changed") : undefined}
                data-metric={v.metric}
              >
                <th scope="row">
                  {m ? pick(m.nameVi, m.nameEn) : v.metric}
                  {isChanged && <span className="sr-only"> ({t.approvals.changed})</span>}
                  {flagged.has(v.metric) && (
                    <a href="#quality-title" className="quality-mark" data-flagged="true">
                      {" "}
                      ⚠ {t.quality.flaggedMark}
                    </a>
                  )}
                </th>
                <td className="num">{shown(v.value, lang, t.form.yes, t.form.no)}</td>
                <td className="num muted">{shown(v.previousValue, lang, t.form.yes, t.form.no)}</td>
                <td className="num">
                  {delta !== null && delta !== 0 ? signed(delta, lang) : isChanged ? "•" : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
