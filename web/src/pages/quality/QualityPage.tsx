import { type FormEvent, useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { ErrorNote, Show, StatusBadge, useLoad } from "../../components/common.tsx";
import { date, num, periodLabel } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate, usePath } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { expectedText, FlagReasons } from "./QualityPanel.tsx";

type Item = ResponseOf<"GET /api/quality/outliers">["items"][number];

function FollowUp({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const record = async (status: "confirmed" | "corrected") => {
    setBusy(true);
    setError(null);
    try {
      await api.put("/api/quality/follow-ups", {
        body: { submission: item.submission, metric: item.metric, status },
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="quality-follow-up">
      {item.followUp && (
        <p className="small" data-follow-up={item.followUp.status}>
          <strong>{t.quality.statuses[item.followUp.status]}</strong>
          <br />
          {t.quality.by(item.followUp.by, date(item.followUp.at, lang))}
        </p>
      )}
      {can("approver") && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void record("confirmed")}>
            {t.quality.confirm}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void record("corrected")}>
            {t.quality.corrected}
          </button>
        </div>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

/** Chất lượng số liệu: every flagged value of a form and period in the caller's scope, with its follow-up. */
export default function QualityPage() {
  const { t, lang, pick } = useI18n();
  const path = usePath();
  const query = new URLSearchParams(path.split("?")[1] ?? "");
  const [form, setForm] = useState(query.get("form") ?? "");
  const [period, setPeriod] = useState(query.get("period") ?? "");
  const forms = useLoad((signal) => api.get("/api/forms", { signal }), []);
  const chosen = { form: query.get("form") ?? "", period: query.get("period") ?? "" };
  const outliers = useLoad(
    (signal) =>
      chosen.form && chosen.period
        ? api.get("/api/quality/outliers", { query: chosen, signal })
        : Promise.resolve(null),
    [chosen.form, chosen.period],
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/quality?form=${encodeURIComponent(form)}&period=${encodeURIComponent(period.trim())}`);
  };
  return (
    <section className="page" aria-labelledby="quality-page-title">
      <h1 id="quality-page-title">{t.quality.title}</h1>
      <p className="muted">{t.quality.intro}</p>
      <form className="panel quality-filters" onSubmit={onSubmit}>
        <label>
          {t.quality.form}
          <select value={form} onChange={(e) => setForm(e.target.value)} required>
            <option value="" />
            {(forms.data ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.code} · {pick(f.nameVi, f.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.quality.period}
          <input value={period} onChange={(e) => setPeriod(e.target.value)} required inputMode="numeric" />
        </label>
        <button type="submit" className="button button-primary">
          {t.quality.show}
        </button>
      </form>
      <Show loaded={outliers}>
        {(data) =>
          data && (
            <section className="panel">
              <h2>
                {data.form} · {periodLabel(data.period, lang)}
              </h2>
              <p role="status">{t.quality.count(data.items.length, data.reports)}</p>
              {data.items.length > 0 && (
                <table className="table quality-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.quality.unit}</th>
                      <th scope="col">{t.quality.metric}</th>
                      <th scope="col" className="num">
                        {t.quality.value}
                      </th>
                      <th scope="col">{t.quality.expected}</th>
                      <th scope="col">{t.quality.why}</th>
                      <th scope="col">{t.quality.note}</th>
                      <th scope="col">{t.quality.followUp}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr
                        key={`${item.submission}-${item.metric}`}
                        data-unit={item.unit}
                        data-metric={item.metric}
                      >
                        <th scope="row">
                          <Link to={`/reports/${data.form}/${item.unit}/${data.period}`}>
                            {item.unitName}
                          </Link>
                          <br />
                          <StatusBadge status={item.status} />
                        </th>
                        <td>{item.metricName}</td>
                        <td className="num">{num(item.value, lang)}</td>
                        <td>
                          {item.flags.map((f) => (
                            <div key={f.rule} title={t.quality.rules[f.rule]}>
                              {expectedText(f, lang)}
                            </div>
                          ))}
                        </td>
                        <td>
                          <FlagReasons value={item} />
                        </td>
                        <td>{item.comment ?? "—"}</td>
                        <td>
                          <FollowUp item={item} onDone={outliers.reload} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )
        }
      </Show>
    </section>
  );
}
