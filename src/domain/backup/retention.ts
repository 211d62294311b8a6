import { addDays, vietnamDate } from "../period/index.ts";

/**
 * Which scheduled backups to keep (lưu giữ bản sao lưu): the newest of each of the last `daily`
 * days and the first of each of the last `monthly` months, by Vietnam's calendar, counting the
 * day of the decision. Files this scheme did not name are never touched, nor a file dated after
 * the day (a clock set back), and the newest backup is always kept, so a server that comes back
 * after months without backups does not delete its last one.
 */
export interface RetentionPolicy {
  daily: number;
  monthly: number;
}

export interface RetentionDecision {
  keep: string[];
  delete: string[];
}

const NAME = /^chiso-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar$/;

/** `chiso-backup-20261120T020000Z.tar`: the name a backup taken at `instant` gets (UTC, to the second). */
export function backupFileName(instant: Date): string {
  return `chiso-backup-${instant.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}.tar`;
}

/** The instant a backup's file name gives, or null for a name that is not a backup's. */
export function backupInstant(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Decides, on the Vietnam date `today` (YYYY-MM-DD), which of `files` (names) to keep and which to delete. */
export function retainBackups(files: string[], today: string, policy: RetentionPolicy): RetentionDecision {
  const dated = files
    .map((name) => ({ name, at: backupInstant(name) }))
    .filter((f): f is { name: string; at: Date } => f.at !== null)
    .map((f) => ({ name: f.name, ms: f.at.getTime(), day: vietnamDate(f.at) }))
    .sort((a, b) => a.ms - b.ms || (a.name < b.name ? -1 : 1));
  const keep = new Set<string>();
  const firstDay = addDays(today, 1 - Math.max(0, policy.daily));
  const newestOfDay = new Map<string, string>();
  const firstOfMonth = new Map<string, string>();
  for (const f of dated) {
    if (f.day > today) keep.add(f.name);
    else {
      newestOfDay.set(f.day, f.name);
      if (!firstOfMonth.has(f.day.slice(0, 7))) firstOfMonth.set(f.day.slice(0, 7), f.name);
    }
  }
  for (const [day, name] of newestOfDay) if (policy.daily > 0 && day >= firstDay) keep.add(name);
  const months = lastMonths(today, policy.monthly);
  for (const [month, name] of firstOfMonth) if (months.has(month)) keep.add(name);
  const newest = dated.at(-1);
  if (newest) keep.add(newest.name);
  const names = dated.map((f) => f.name);
  return { keep: names.filter((n) => keep.has(n)), delete: names.filter((n) => !keep.has(n)) };
}

/** The `count` months ending with today's, as YYYY-MM. */
function lastMonths(today: string, count: number): Set<string> {
  const months = new Set<string>();
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < count; i++) {
    months.add(`${year}-${String(month).padStart(2, "0")}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** The hour of the day in Vietnam (UTC+7, no summer time) at `instant`, 0–23. */
export function vietnamHour(instant: Date): number {
  return (instant.getUTCHours() + 7) % 24;
}
