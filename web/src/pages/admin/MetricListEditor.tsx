import { useId, useState } from "react";
import { groupNames, type UnitGroup, unitGroups } from "../../../../src/domain/forms/index.ts";
import { api } from "../../api/client.ts";
import { ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type MetricRow, moved, toggledGroup } from "./metric-rows.ts";

/**
 * The metric list of a form: add from the catalogue (reported metrics only: a formula metric is
 * computed, never entered), remove, reorder, mark required and choose the unit groups; the
 * server's problem with a row shows in that row.
 */
export function MetricListEditor({
  rows,
  onChange,
  fieldError,
}: {
  rows: readonly MetricRow[];
  onChange: (rows: MetricRow[]) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t, lang, pick } = useI18n();
  const e = t.formEdit;
  const id = useId();
  const catalogue = useLoad((signal) => api.get("/api/metrics", { signal }), []);
  const [choice, setChoice] = useState("");
  const names = new Map((catalogue.data ?? []).map((m) => [m.code, pick(m.nameVi, m.nameEn)]));
  const set = (i: number, change: Partial<MetricRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const toggleGroup = (i: number, group: UnitGroup) =>
    set(i, { groups: toggledGroup(rows[i]?.groups ?? [], group) });
  const listError = fieldError("metrics");
  return (
    <fieldset className="metric-editor" aria-describedby={listError ? `${id}-error` : undefined}>
      <legend>{e.metricList}</legend>
      {listError && (
        <p className="note-error-text" id={`${id}-error`} data-field-error="">
          {listError}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{e.noMetrics}</p>
      ) : (
        <ScrollRegion className="admin-scroll" label={e.metricsLabel}>
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{e.position}</th>
                <th scope="col">{e.metric}</th>
                <th scope="col">{t.admin.forms.required}</th>
                <th scope="col">{t.admin.forms.groups}</th>
                <th scope="col">{t.admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const error = fieldError(`metrics.${i}`);
                const errorId = `${id}-row-${i}-error`;
                return (
                  <tr key={r.code} data-metric-row={r.code}>
                    <td className="num">{i + 1}</td>
                    <td>
                      <span className="unit-code">{r.code}</span> {names.get(r.code) ?? ""}
                      {error && (
                        <span className="note-error-text" id={errorId} data-field-error="">
                          {" "}
                          {error}
                        </span>
                      )}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={e.requiredOf(r.code)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        checked={r.required}
                        onChange={() => set(i, { required: !r.required })}
                      />
                    </td>
                    <td>
                      <fieldset className="metric-groups">
                        <legend className="sr-only">{e.groupsOf(r.code)}</legend>
                        {unitGroups.map((g) => (
                          <label key={g} className="check">
                            <input
                              type="checkbox"
                              checked={r.groups.includes(g)}
                              onChange={() => toggleGroup(i, g)}
                            />{" "}
                            {lang === "vi" ? groupNames[g].vi : groupNames[g].en}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td>
                      <div className="toolbar metric-actions">
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          aria-label={e.moveUp(r.code)}
                          disabled={i === 0}
                          onClick={() => onChange(moved(rows, i, i - 1))}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          aria-label={e.moveDown(r.code)}
                          disabled={i === rows.length - 1}
                          onClick={() => onChange(moved(rows, i, i + 1))}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={e.remove(r.code)}
                          onClick={() => onChange(rows.filter((_, j) => j !== i))}
                        >
                          ✕
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="muted small">{e.groupsHint}</p>
      <Show loaded={catalogue}>
        {(metrics) => (
          <div className="toolbar">
            <label htmlFor={`${id}-choice`}>{e.chooseMetric}</label>
            <select id={`${id}-choice`} value={choice} onChange={(ev) => setChoice(ev.target.value)}>
              <option value="" />
              {metrics
                .filter((m) => m.aggregation !== "formula" && !rows.some((r) => r.code === m.code))
                .map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.code} · {pick(m.nameVi, m.nameEn)}
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={choice === ""}
              onClick={() => {
                onChange([...rows, { code: choice, required: false, groups: [] }]);
                setChoice("");
              }}
            >
              {e.addMetric}
            </button>
          </div>
        )}
      </Show>
    </fieldset>
  );
}
