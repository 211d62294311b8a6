import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db, EngineKind } from "../db/client.ts";
import { jobs } from "../db/schema/index.ts";
import { AppError } from "../errors/app-error.ts";
import {
  failAbandonedJobs,
  finishJob,
  INTERRUPTED,
  markRunning,
  type Outcome,
  writeProgress,
} from "./store.ts";

/** How often the running job's progress may be written to its row. */
export const PROGRESS_WRITE_MS = 500;
/** How often the jobs of a live process say so. */
export const HEARTBEAT_MS = 5_000;
/** A queued or running job of another process not heard of for this long is abandoned. */
export const STALE_AFTER_MS = 30_000;

/** What a job does once it runs: reports progress, answers its outcome (or throws). */
export type Work = (
  progress: (done: number, total: number) => void,
) => Promise<Omit<Outcome, "done" | "total">>;

interface Live {
  id: number;
  work: Work;
  /** Releases what the job holds (its spooled file), once it has run or will not run. */
  dispose: () => Promise<void>;
  done: number;
  total: number;
  /** The progress last written to the row. */
  written: number;
}

interface Logger {
  error(obj: unknown, msg?: string): void;
}

/** What calls the runner's progress writes every PROGRESS_WRITE_MS: a real timer, or a test's hand. */
export interface Ticker {
  every(tick: () => Promise<void>, ms: number): { stop(): void };
}

const realTicker: Ticker = {
  every(tick, ms) {
    const timer = setInterval(() => void tick(), ms);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  },
};

/**
 * Runs this process's jobs one at a time, in the order they were accepted. Progress lives in
 * memory (what GET /jobs/{id} shows for a live job) and is written to the row at most every
 * PROGRESS_WRITE_MS (at most one write waits). On PGlite there is one connection: the write
 * waits for the import's current short transaction (its last step can be longer), so the row may
 * lag and the memory is the truth; on PostgreSQL the write takes another pooled connection.
 */
export class JobRunner {
  readonly id = randomUUID();
  private readonly queue: Live[] = [];
  private current: Live | null = null;
  private timer: { stop(): void } | null = null;
  private writing = false;
  private ticks = 0;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  private settle: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly engine: EngineKind,
    private readonly log: Logger,
    private readonly ticker: Ticker = realTicker,
  ) {}

  /** Resolves once every accepted job has finished and its row says so. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  /** Ids of the jobs this process holds (queued or running). */
  liveIds(): number[] {
    return [...(this.current ? [this.current.id] : []), ...this.queue.map((j) => j.id)];
  }

  /** The in-memory progress of a job of this process, fresher than its row. */
  progressOf(id: number): { done: number; total: number } | null {
    if (this.current?.id === id) return { done: this.current.done, total: this.current.total };
    return null;
  }

  /** Marks failed the jobs left queued or running by processes that are gone. */
  async failAbandoned(): Promise<number> {
    // One process owns a PGlite data directory: every job it does not hold is abandoned.
    const staleAfter = this.engine === "pglite" ? 0 : STALE_AFTER_MS;
    return failAbandonedJobs(this.db, this.liveIds(), staleAfter);
  }

  submit(id: number, work: Work, dispose: () => Promise<void> = async () => {}): void {
    if (this.closed) throw new Error("the job runner is closed (the server is stopping)");
    this.queue.push({ id, work, dispose, done: 0, total: 0, written: -1 });
    if (!this.current) {
      this.idle = new Promise((resolve) => {
        this.settle = resolve;
      });
      this.timer = this.ticker.every(() => this.tick(), PROGRESS_WRITE_MS);
      void this.next();
    }
  }

  /** Lets the running job finish; jobs still waiting are marked interrupted. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = this.queue.splice(0);
    await this.idle;
    for (const job of waiting) {
      await job.dispose().catch((e) => this.log.error(e, `job ${job.id}: could not release its file`));
      await finishJob(this.db, job.id, { status: "failed", done: 0, total: 0, error: INTERRUPTED });
    }
  }

  private async next(): Promise<void> {
    const job = this.queue.shift();
    this.current = job ?? null;
    if (!job) {
      this.timer?.stop();
      this.timer = null;
      this.settle();
      return;
    }
    let outcome: Omit<Outcome, "done" | "total">;
    try {
      await markRunning(this.db, job.id, job.total);
      outcome = await job.work((done, total) => {
        job.done = done;
        job.total = total;
      });
    } catch (error) {
      outcome = failure(error, this.log);
    }
    // Released before the job shows as finished: a finished job holds no file.
    await job.dispose().catch((e) => this.log.error(e, `job ${job.id}: could not release its file`));
    await this.finish(job, outcome)
      .catch((error) => this.finish(job, failure(error, this.log)))
      .catch((e) => this.log.error(e, `job ${job.id}: could not record its failure`));
    await this.next();
  }

  private async finish(job: Live, outcome: Omit<Outcome, "done" | "total">) {
    // A progress write in flight must not land after the final state.
    while (this.writing) await new Promise((r) => setTimeout(r, 10));
    const done = outcome.status === "succeeded" ? Math.max(job.done, job.total) : job.done;
    await finishJob(this.db, job.id, { ...outcome, done, total: job.total });
  }

  private async tick(): Promise<void> {
    if (this.writing) return;
    const job = this.current;
    this.ticks++;
    const heartbeat = this.ticks % Math.round(HEARTBEAT_MS / PROGRESS_WRITE_MS) === 0;
    const progressed = job !== null && job.done !== job.written;
    if (!progressed && !heartbeat) return;
    this.writing = true;
    const writes: Promise<unknown>[] = [];
    if (job && progressed) {
      job.written = job.done;
      writes.push(writeProgress(this.db, job.id, job.done, job.total));
    }
    const ids = this.liveIds();
    if (heartbeat && ids.length > 0) {
      writes.push(this.db.update(jobs).set({ heartbeatAt: sql`now()` }).where(inArray(jobs.id, ids)));
    }
    await Promise.all(writes)
      .catch((e) => this.log.error(e, "job progress write failed"))
      .finally(() => {
        this.writing = false;
      });
  }
}

/** A thrown error as the job's outcome: our coded errors keep their code, messages and details. */
function failure(error: unknown, log: Logger): Omit<Outcome, "done" | "total"> {
  if (error instanceof AppError) {
    const extra = error.details.length > 0 || error.body ? { ...error.body, details: error.details } : null;
    return {
      status: "failed",
      error: { code: error.code, message: error.messageVi, message_en: error.messageEn },
      result: extra,
    };
  }
  log.error(error, "job failed");
  return {
    status: "failed",
    error: {
      code: "INTERNAL",
      message: "Lỗi máy chủ khi chạy công việc; hãy thử lại hoặc báo quản trị viên",
      message_en: "A server error stopped this job; try again or tell an administrator",
    },
  };
}
