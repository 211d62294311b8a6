import { useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { Flash } from "../../components/flash.tsx";
import { date, periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { BulkDecision } from "./BulkDecision.tsx";

/**
 * Báo cáo chờ phê duyệt: the submitted reports of units in the approver's scope, oldest first;
 * one opens to be read and decided, or several are selected and decided at once.
 */
export default function Approvals() {
  const { t, lang } = useI18n();
  const loaded = useLoad(
    (signal) => api.get("/api/submissions", { query: { status: "submitted" }, signal }),
    [],
  );
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section className="page" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t.approvals.title}</h1>
      <Flash />
      <Show loaded={loaded}>
        {(list) => {
          const rows = [...list].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""));
          const selected = rows
            .filter((s) => chosen.has(s.id))
            .map((s) => ({ id: s.id, version: s.version }));
          const names = new Map(rows.map((s) => [s.id, `${s.unitName} · ${periodLabel(s.period, lang)}`]));
          const all = rows.length > 0 && selected.length === rows.length;
          return (
            <>
              <BulkDecision
                selected={selected}
                names={names}
                done={() => {
                  setChosen(new Set());
                  loaded.reload();
                }}
              />
              {rows.length === 0 ? (
                <p>{t.approvals.empty}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <input
                          type="checkbox"
                          aria-label={t.approvals.selectAll}
                          checked={all}
                          onChange={() => setChosen(all ? new Set() : new Set(rows.map((s) => s.id)))}
                        />
                      </th>
                      <th scope="col">{t.approvals.unit}</th>
                      <th scope="col">{t.approvals.period}</th>
                      <th scope="col">{t.approvals.form}</th>
                      <th scope="col">{t.approvals.submittedAt}</th>
                      <th scope="col">
                        <span className="sr-only">{t.approvals.open}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((s) => (
                      <tr key={s.id} data-submission={s.id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t.approvals.select(s.unitName)}
                            checked={chosen.has(s.id)}
                            onChange={() => toggle(s.id)}
                          />
                        </td>
                        <td>{s.unitName}</td>
                        <td>{periodLabel(s.period, lang)}</td>
                        <td>
                          <code>{s.form}</code>
                        </td>
                        <td>
                          {date(s.submittedAt, lang)}{" "}
                          <span className={`badge ${s.late ? "badge-late" : "badge-ontime"}`}>
                            {s.late ? t.approvals.late : t.approvals.onTime}
                          </span>
                        </td>
                        <td>
                          <Link className="button button-small" to={`/approvals/${s.id}`}>
                            {t.approvals.open}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}
