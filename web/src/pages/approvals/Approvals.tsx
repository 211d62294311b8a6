import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { Flash } from "../../components/flash.tsx";
import { date, periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";

/** Báo cáo chờ phê duyệt: the submitted reports of units in the approver's scope, oldest first. */
export default function Approvals() {
  const { t, lang } = useI18n();
  const loaded = useLoad(
    (signal) => api.get("/api/submissions", { query: { status: "submitted" }, signal }),
    [],
  );
  return (
    <section className="page" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t.approvals.title}</h1>
      <Flash />
      <Show loaded={loaded}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.approvals.empty}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
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
                {[...list]
                  .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""))
                  .map((s) => (
                    <tr key={s.id} data-submission={s.id}>
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
          )
        }
      </Show>
    </section>
  );
}
