import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { CliStop } from "../cli/stop.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { backupFileName, type RetentionPolicy, retainBackups, vietnamHour } from "../domain/backup/index.ts";
import { vietnamDate } from "../domain/period/index.ts";
import { backupMessages as m } from "./messages.ts";

/** Scheduled backups, from the environment (docs/operations.md, "Schedule"). */
export interface BackupSchedule {
  dir: string;
  /** The hour of the day in Vietnam from which the day's backup is due, 0–23. */
  hour: number;
  policy: RetentionPolicy;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name]?.trim() || String(fallback);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new CliStop(m.badSetting(name, text, max));
  return n;
}

/** `CHISO_BACKUP_DIR` (unset: no scheduled backups), `_HOUR` (1), `_KEEP_DAILY` (14), `_KEEP_MONTHLY` (12). */
export function backupSchedule(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  if (!env.CHISO_BACKUP_DIR) return null;
  return {
    dir: resolve(env.CHISO_BACKUP_DIR),
    hour: whole(env, "CHISO_BACKUP_HOUR", 1, 23),
    policy: {
      daily: whole(env, "CHISO_BACKUP_KEEP_DAILY", 14, 3660),
      monthly: whole(env, "CHISO_BACKUP_KEEP_MONTHLY", 12, 1200),
    },
  };
}

/** Writes one backup to the file given. */
export type MakeBackup = (file: string) => Promise<void>;

export type BackupTick =
  | { outcome: "early" | "taken" }
  | { outcome: "backed-up"; file: string; deleted: string[] }
  | { outcome: "failed"; error: string };

interface Logger {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** A claim held this long before another server may take the day over (a server that died mid-backup). */
const LEASE_MS = 6 * 3_600_000;
/** After a failed attempt, the day's backup is tried again this much later. */
const RETRY_MS = 3_600_000;

/**
 * Runs in the server: from `schedule.hour` in Vietnam, the first tick of each day claims the day in
 * `scheduled_backups` (one server of several wins), writes the backup to `dir` (as `.part`, renamed
 * when complete) and deletes what the retention policy no longer keeps. The clock is injected.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly db: Conn,
    private readonly schedule: BackupSchedule,
    private readonly make: MakeBackup,
    private readonly clock: () => Date,
    private readonly log: Logger,
    private readonly server = `${hostname()}:${process.pid}`,
  ) {}

  start(everyMs = 60_000): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** One look at the clock: the day's backup made here if it is due and no server has it. */
  async tick(): Promise<BackupTick> {
    if (this.busy) return { outcome: "taken" };
    this.busy = true;
    const run = this.once().finally(() => {
      this.busy = false;
    });
    this.running = run;
    return run;
  }

  private async once(): Promise<BackupTick> {
    const now = this.clock();
    if (vietnamHour(now) < this.schedule.hour) return { outcome: "early" };
    const day = vietnamDate(now);
    if (!(await this.claim(day, now))) return { outcome: "taken" };
    const name = backupFileName(now);
    const part = join(this.schedule.dir, `${name}.part`);
    try {
      mkdirSync(this.schedule.dir, { recursive: true });
      await this.make(part);
      renameSync(part, join(this.schedule.dir, name));
      await this.db.execute(
        sql`update scheduled_backups set finished_at = ${this.clock().toISOString()}, file = ${name}, error = null
            where day = ${day}`,
      );
    } catch (error) {
      rmSync(part, { force: true });
      const text = error instanceof Error ? error.message : String(error);
      const retry = new Date(this.clock().getTime() + RETRY_MS).toISOString();
      await this.db
        .execute(sql`update scheduled_backups set error = ${text}, retry_after = ${retry} where day = ${day}`)
        .catch(() => {});
      this.log.error(error, "backup: the scheduled backup failed");
      return { outcome: "failed", error: text };
    }
    const { delete: deleted } = retainBackups(readdirSync(this.schedule.dir), day, this.schedule.policy);
    for (const old of deleted) rmSync(join(this.schedule.dir, old), { force: true });
    this.log.info({ file: name, deleted }, "backup: scheduled backup written");
    return { outcome: "backed-up", file: name, deleted };
  }

  /** The day's row, inserted, or taken over from a failed or abandoned attempt; false when another server has it. */
  private async claim(day: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + LEASE_MS).toISOString();
    const claimed = await queryRows<{ day: string }>(
      this.db,
      sql`insert into scheduled_backups (day, server, claimed_at, retry_after)
          values (${day}, ${this.server}, ${at}, ${lease})
          on conflict (day) do update
            set server = excluded.server, claimed_at = excluded.claimed_at, retry_after = excluded.retry_after
            where scheduled_backups.finished_at is null and scheduled_backups.retry_after <= ${at}
          returning day`,
    );
    return claimed.length === 1;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => {});
  }
}
