import { useEffect, useId, useState } from "react";
import { api } from "../../api/client.ts";
import { ErrorNote, Loading, Show, useLoad } from "../../components/common.tsx";
import { periodLabel } from "../../format.ts";
import { type Lang, useI18n } from "../../i18n/index.tsx";
import { type Job, JobProgress, jobTime, useJobs } from "../exchange/jobs.tsx";
import { Markdown } from "./markdown.tsx";

const FORMATS = ["docx", "pdf", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

function useFormatLabel() {
  const { t } = useI18n();
  return (f: string) =>
    f === "docx" ? t.planReport.word : f === "pdf" ? t.planReport.pdf : f === "xlsx" ? t.planReport.excel : f;
}

/** One built (or building) report: its progress, then the link to its file. */
function ReportJob({ job }: { job: Job }) {
  const { t, lang } = useI18n();
  const formatLabel = useFormatLabel();
  const what = t.jobs.reportJob(
    formatLabel(String(job.params.format)),
    `${String(job.params.plan)} · ${periodLabel(String(job.params.period), lang)}`,
  );
  return (
    <li className="job-report" data-job={job.id} data-status={job.status}>
      <p>
        <strong>{what}</strong> <span className="muted small">{jobTime(job, lang)}</span>
      </p>
      <JobProgress job={job} label={t.jobs.reportProgress(what)} count={t.jobs.reportSteps} />
      {job.status === "succeeded" && job.file && (
        <a
          className="button button-primary"
          download
          href={api.href("/api/jobs/{id}/file", { params: { id: job.id } })}
        >
          {t.jobs.download} {job.file.name}
        </a>
      )}
    </li>
  );
}

/**
 * The downloads: each format is built by a report job on the server, shown with its progress and
 * then a download link. The recent builds stay listed, so the user may leave and come back.
 */
function ReportJobs({ plan, period, lang }: { plan: string; period: string; lang: Lang }) {
  const { t } = useI18n();
  const formatLabel = useFormatLabel();
  const jobs = useJobs("report", 5);
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<unknown>(null);
  const build = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      await api.post("/api/jobs/reports", { body: { plan, period, format, lang } });
      jobs.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div className="downloads">
        <span>{t.jobs.build}:</span>
        {FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="button"
            data-format={f}
            disabled={busy !== null}
            onClick={() => void build(f)}
          >
            {busy === f ? t.jobs.building : formatLabel(f)}
          </button>
        ))}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <h2>{t.jobs.builtReports}</h2>
      <Show loaded={jobs}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t.jobs.noReports}</p>
          ) : (
            <ul className="job-reports">
              {list.map((job) => (
                <ReportJob key={job.id} job={job} />
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}

/** The months of a plan's year, and the latest among them with approved reports. */
function monthsOf(year: number, approved: readonly string[]) {
  const months = Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, "0")}`);
  const latest = approved.find((p) => p.startsWith(String(year))) ?? months[11] ?? "";
  return { months, latest };
}

function Preview({ plan, period, lang }: { plan: string; period: string; lang: Lang }) {
  const loaded = useLoad(
    (signal) =>
      api.text("/api/plans/{code}/report", {
        params: { code: plan },
        query: { period, lang, format: "md" },
        signal,
      }),
    [plan, period, lang],
  );
  if (loaded.loading) return <Loading />;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  return (
    <article className="panel report-preview" lang={lang}>
      {loaded.data && <Markdown text={loaded.data} />}
    </article>
  );
}

/** Báo cáo kết quả thực hiện kế hoạch: pick a plan and a month, read it here, download it. */
export default function PlanReport() {
  const { t, lang, pick } = useI18n();
  const ids = { plan: useId(), period: useId(), lang: useId() };
  const loaded = useLoad(async (signal) => {
    const [plans, periods] = await Promise.all([
      api.get("/api/plans", { signal }),
      api.get("/api/ioc/periods", { signal }),
    ]);
    return { plans, approved: periods.periods };
  }, []);
  const [plan, setPlan] = useState("");
  const [period, setPeriod] = useState("");
  const [reportLang, setReportLang] = useState<Lang>(lang);
  const chosen = loaded.data?.plans.find((p) => p.code === plan) ?? loaded.data?.plans[0];
  const { months, latest } = monthsOf(chosen?.year ?? 2023, loaded.data?.approved ?? []);
  useEffect(() => {
    if (chosen && !plan) setPlan(chosen.code);
  }, [chosen, plan]);
  useEffect(() => {
    if (chosen && !months.includes(period)) setPeriod(latest);
  }, [chosen, months, period, latest]);
  return (
    <section className="page" aria-labelledby="planreport-title">
      <h1 id="planreport-title">{t.planReport.title}</h1>
      <Show loaded={loaded}>
        {({ plans }) => (
          <>
            <div className="toolbar">
              <div className="field-inline">
                <label htmlFor={ids.plan}>{t.planReport.plan}</label>
                <select id={ids.plan} value={chosen?.code ?? ""} onChange={(e) => setPlan(e.target.value)}>
                  {plans.map((p) => (
                    <option key={p.code} value={p.code}>
                      {pick(p.nameVi, p.nameEn)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-inline">
                <label htmlFor={ids.period}>{t.planReport.period}</label>
                <select id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)}>
                  {months.map((m) => (
                    <option key={m} value={m}>
                      {periodLabel(m, lang)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-inline">
                <label htmlFor={ids.lang}>{t.planReport.language}</label>
                <select
                  id={ids.lang}
                  value={reportLang}
                  onChange={(e) => setReportLang(e.target.value as Lang)}
                >
                  <option value="vi">{t.planReport.vi}</option>
                  <option value="en">{t.planReport.en}</option>
                </select>
              </div>
            </div>
            {chosen && period && (
              <>
                <ReportJobs plan={chosen.code} period={period} lang={reportLang} />
                <h2>{t.planReport.preview}</h2>
                <Preview plan={chosen.code} period={period} lang={reportLang} />
              </>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
