import { type FormEvent, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote, ScrollRegion, Show } from "../../components/common.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type Job, JobProgress, jobTime, useJobs } from "./jobs.tsx";

type Summary = Extract<NonNullable<Job["result"]>, { conflicts: unknown }>;
type Details = Extract<NonNullable<Job["result"]>, { details: unknown }>;

const summaryOf = (job: Job): Summary | null =>
  job.result && "conflicts" in job.result ? (job.result as Summary) : null;
const detailsOf = (job: Job): Details["details"] =>
  job.result && "details" in job.result ? (job.result as Details).details : [];

const nameOf = (job: Job) => (typeof job.params.fileName === "string" ? job.params.fileName : `#${job.id}`);

/** Where a conflict is: the CSV line, or the value's place in a JSON file (from 1). */
function rowOf(job: Job, index: number | undefined): string {
  if (index === undefined) return "—";
  return job.params.format === "csv" ? String(index) : String(index + 1);
}

function ImportResult({ job }: { job: Job }) {
  const { t, lang, pick } = useI18n();
  const summary = summaryOf(job);
  const details = detailsOf(job);
  const name = nameOf(job);
  return (
    <section className="panel job-detail" aria-labelledby={`job-${job.id}-title`} data-job={job.id}>
      <h2 id={`job-${job.id}-title`}>{t.jobs.fileJob(name)}</h2>
      <p className="muted small">
        {jobTime(job, lang)}
        {job.params.dryRun === true && ` · ${t.jobs.dryRunShort}`}
      </p>
      <JobProgress job={job} label={t.jobs.importProgress(name)} />
      {summary && (
        <>
          {job.status === "succeeded" && <p>{pick(summary.description, summary.description_en)}</p>}
          {summary.dryRun && <p className="note">{t.jobs.dryRunNote}</p>}
          <dl className="job-counts">
            <div>
              <dt>{t.jobs.imported}</dt>
              <dd>{num(summary.importCount.imported, lang, 0)}</dd>
            </div>
            <div>
              <dt>{t.jobs.updated}</dt>
              <dd>{num(summary.importCount.updated, lang, 0)}</dd>
            </div>
            <div>
              <dt>{t.jobs.ignored}</dt>
              <dd>{num(summary.importCount.ignored, lang, 0)}</dd>
            </div>
          </dl>
          <h3>{t.jobs.conflicts}</h3>
          {summary.conflicts.length === 0 ? (
            <p className="muted">{t.jobs.noConflicts}</p>
          ) : (
            <ScrollRegion label={t.jobs.conflicts}>
              <table className="table table-compact job-conflicts">
                <thead>
                  <tr>
                    <th scope="col">{job.params.format === "csv" ? t.jobs.line : t.jobs.position}</th>
                    <th scope="col">{t.jobs.field}</th>
                    <th scope="col">{t.jobs.object}</th>
                    <th scope="col">{t.jobs.message}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.conflicts.map((c) => (
                    <tr key={`${c.index}-${c.property}-${c.object}-${c.value}`}>
                      <td className="num">{rowOf(job, c.index)}</td>
                      <td>{c.property ?? "—"}</td>
                      <td>{c.object}</td>
                      <td>{pick(c.value, c.value_en)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
      {details.length > 0 && (
        <ul className="note-error-text">
          {details.map((d) => (
            <li key={d.path + d.message}>{pick(d.message, d.message_en)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Nhập dữ liệu: upload a dataValueSets JSON or DHIS2 CSV file; it is imported as a background job. */
export default function ExchangePage() {
  const { t, lang, pick } = useI18n();
  const ids = { file: useId(), dataSet: useId(), dryRun: useId() };
  const jobs = useJobs("import");
  const [file, setFile] = useState<File | null>(null);
  const [dataSet, setDataSet] = useState("");
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState("");
  const [dataSetError, setDataSetError] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // The job asked for, or the newest: coming back to the page shows where the last one is.
  const shown = jobs.data?.find((j) => j.id === selected) ?? jobs.data?.[0];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFileError("");
    setDataSetError("");
    setError(null);
    if (!file) {
      setFileError(t.jobs.chooseFile);
      document.getElementById(ids.file)?.focus();
      return;
    }
    setBusy(true);
    try {
      const job = await api.post("/api/jobs/imports", {
        query: { dryRun: dryRun ? "true" : "false", dataSet: dataSet.trim() || undefined, name: file.name },
        body: file,
      });
      setSelected(job.id);
      jobs.reload();
    } catch (caught) {
      const details = caught instanceof ApiError ? caught.details : [];
      const at = (prefix: string) => details.filter((d) => d.path.startsWith(prefix));
      const onDataSet = at("querystring.dataSet");
      const onFile = at("body");
      if (onDataSet.length > 0)
        setDataSetError(onDataSet.map((d) => pick(d.message, d.message_en)).join(" "));
      if (onFile.length > 0) setFileError(onFile.map((d) => pick(d.message, d.message_en)).join(" "));
      if (onDataSet.length + onFile.length === 0) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" aria-labelledby="exchange-title">
      <h1 id="exchange-title">{t.jobs.title}</h1>
      <p className="muted">{t.jobs.intro}</p>
      <div className="job-layout">
        <form className="panel job-upload" onSubmit={(e) => void submit(e)} noValidate>
          <div className={`field-stacked${fileError ? " field-error" : ""}`}>
            <label htmlFor={ids.file}>{t.jobs.file}</label>
            <input
              id={ids.file}
              type="file"
              accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${ids.file}-hint${fileError ? ` ${ids.file}-error` : ""}`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p className="muted small" id={`${ids.file}-hint`}>
              {t.jobs.fileHint}
            </p>
            {fileError && (
              <p className="note-error-text" id={`${ids.file}-error`}>
                {fileError}
              </p>
            )}
          </div>
          <div className={`field-stacked${dataSetError ? " field-error" : ""}`}>
            <label htmlFor={ids.dataSet}>{t.jobs.dataSet}</label>
            <input
              id={ids.dataSet}
              value={dataSet}
              maxLength={100}
              aria-invalid={dataSetError ? true : undefined}
              aria-describedby={`${ids.dataSet}-hint${dataSetError ? ` ${ids.dataSet}-error` : ""}`}
              onChange={(e) => setDataSet(e.target.value)}
            />
            <p className="muted small" id={`${ids.dataSet}-hint`}>
              {t.jobs.dataSetHint}
            </p>
            {dataSetError && (
              <p className="note-error-text" id={`${ids.dataSet}-error`}>
                {dataSetError}
              </p>
            )}
          </div>
          <div className="field-inline">
            <input
              id={ids.dryRun}
              type="checkbox"
              checked={dryRun}
              onChange={(e) => setDryRun(e.target.checked)}
            />
            <label htmlFor={ids.dryRun}>{t.jobs.dryRun}</label>
          </div>
          {error ? <ErrorNote error={error} /> : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t.jobs.uploading : t.jobs.upload}
          </button>
          <p className="muted small">{t.jobs.leaveNote}</p>
        </form>
        {shown && <ImportResult job={shown} />}
      </div>
      <Show loaded={jobs}>
        {(list) => {
          return (
            <>
              <h2>{t.jobs.recent}</h2>
              {list.length === 0 ? (
                <p className="muted">{t.jobs.none}</p>
              ) : (
                <table className="table table-compact job-list">
                  <thead>
                    <tr>
                      <th scope="col">{t.jobs.when}</th>
                      <th scope="col">{t.jobs.fileColumn}</th>
                      <th scope="col">{t.jobs.state}</th>
                      <th scope="col">
                        <span className="sr-only">{t.jobs.show}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((job) => (
                      <tr key={job.id} aria-current={job.id === shown?.id ? "true" : undefined}>
                        <td>{jobTime(job, lang)}</td>
                        <td>
                          {nameOf(job)}
                          {job.params.dryRun === true && ` (${t.jobs.dryRunShort})`}
                        </td>
                        <td data-status={job.status}>
                          {t.jobs.status[job.status]}
                          {job.status === "running" &&
                            job.progress.total > 0 &&
                            ` · ${t.jobs.progress(num(job.progress.done, lang, 0), num(job.progress.total, lang, 0))}`}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button-quiet"
                            aria-label={t.jobs.showJob(nameOf(job))}
                            onClick={() => setSelected(job.id)}
                          >
                            {t.jobs.show}
                          </button>
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
