import { useEffect } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { useLoad } from "../../components/common.tsx";
import { date, num, time } from "../../format.ts";
import { type Lang, useI18n } from "../../i18n/index.tsx";
import "../../styles/jobs.css";

/** A background job (import or report build) as GET /api/jobs/{id} answers it. */
export type Job = ResponseOf<"GET /api/jobs/{id}">;

/** How often an unfinished job is asked about. */
export const POLL_MS = 1000;

export const isActive = (job: Job) => job.status === "queued" || job.status === "running";

/**
 * The user's recent jobs of one kind, newest first, asked again every second while one of them
 * is unfinished. They live on the server: leave the page, come back, and they are still here.
 */
export function useJobs(kind: Job["kind"], limit = 10) {
  const loaded = useLoad(
    (signal) => api.get("/api/jobs", { query: { kind, limit, mine: "true" }, signal }),
    [kind, limit],
  );
  const { data, reload } = loaded;
  const busy = data?.some(isActive) ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (data) arms the next poll
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, data, reload]);
  return loaded;
}

/** The job's state in words, with a progress bar while it runs and its error when it failed. */
export function JobProgress({
  job,
  label,
  count,
}: {
  job: Job;
  /** What the progress bar measures, for screen readers. */
  label: string;
  /** "3/10 values" by default. */
  count?: (done: string, total: string) => string;
}) {
  const { t, lang, pick } = useI18n();
  const { done, total } = job.progress;
  const finished = job.status === "succeeded";
  const counted = total > 0 ? (count ?? t.jobs.progress)(num(done, lang, 0), num(total, lang, 0)) : "";
  return (
    <div className={`job-progress job-${job.status}`}>
      <progress
        aria-label={label}
        max={total > 0 ? total : 1}
        value={finished ? (total > 0 ? total : 1) : total > 0 ? done : undefined}
      />
      <span className="job-state" data-status={job.status}>
        {t.jobs.status[job.status]}
        {counted && ` · ${counted}`}
      </span>
      {job.error && (
        <p className="note-error-text" role="alert">
          {pick(job.error.message, job.error.message_en)}
        </p>
      )}
    </div>
  );
}

/** When the job was asked for: "14:32, 28/11/2026" / "14:32, 28 Nov 2026". */
export function jobTime(job: Job, lang: Lang): string {
  return `${time(new Date(job.createdAt), lang)}, ${date(job.createdAt, lang)}`;
}
