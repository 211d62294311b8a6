import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine, type TestLocation, testLocation } from "../../test/harness.ts";
import { CliStop } from "../cli/stop.ts";
import type { Database } from "../db/client.ts";
import { currentSchema } from "../db/journal.ts";
import { backupFileName } from "../domain/backup/index.ts";
import { addDays } from "../domain/period/index.ts";
import { readBackup } from "./archive.ts";
import { backup } from "./backup.ts";
import { type BackupSchedule, BackupScheduler, backupSchedule, type MakeBackup } from "./schedule.ts";

let location: TestLocation;
let database: Database;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "chiso-scheduled-"));
  location = await testLocation();
  database = await location.open();
});

afterAll(async () => {
  await database.close();
  await location.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** An instant on a Vietnam date at a Vietnam time: `vn("2026-11-20", "01:05")`. */
const vn = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const quiet = { info: () => {}, error: () => {} };

/** A scheduler on its own folder with a clock the test sets: several may share one folder and database. */
function servers(dir: string, make: MakeBackup, names: string[], policy = { daily: 14, monthly: 12 }) {
  const schedule: BackupSchedule = { dir, hour: 1, policy };
  const clock = { at: new Date(0) };
  const list = names.map(
    (name) => new BackupScheduler(database.db, schedule, make, () => clock.at, quiet, name),
  );
  return { clock, list };
}

const rowsOf = (day: string) =>
  database.rows(
    `select server, file, error, finished_at is not null as finished from scheduled_backups where day = '${day}'`,
  );

/** A stand-in backup: a small file, so a simulated year runs in seconds. */
const fakeBackup: MakeBackup = async (file) => writeFileSync(file, "backup");

describe("backup schedule settings", () => {
  it("is off without CHISO_BACKUP_DIR; defaults to 01:00, 14 daily, 12 monthly", () => {
    expect(backupSchedule({})).toBeNull();
    expect(backupSchedule({ CHISO_BACKUP_DIR: "/srv/backup" })).toEqual({
      dir: "/srv/backup",
      hour: 1,
      policy: { daily: 14, monthly: 12 },
    });
    expect(
      backupSchedule({
        CHISO_BACKUP_DIR: "/b",
        CHISO_BACKUP_HOUR: "23",
        CHISO_BACKUP_KEEP_DAILY: "7",
        CHISO_BACKUP_KEEP_MONTHLY: "0",
      }),
    ).toEqual({ dir: "/b", hour: 23, policy: { daily: 7, monthly: 0 } });
  });

  it("refuses a wrong setting with one line naming it", () => {
    for (const [name, value] of [
      ["CHISO_BACKUP_HOUR", "24"],
      ["CHISO_BACKUP_KEEP_DAILY", "-1"],
      ["CHISO_BACKUP_KEEP_MONTHLY", "1.5"],
    ]) {
      const read = () => backupSchedule({ CHISO_BACKUP_DIR: "/b", [name as string]: value });
      expect(read).toThrow(CliStop);
      expect(read).toThrow(`${name}=${value}: phải là số nguyên`);
    }
  });
});

describe(`scheduled backups (${engine})`, { timeout: 300_000 }, () => {
  it("makes one real backup a day from the hour, whichever of two servers ticks first", async () => {
    const dir = join(root, "real");
    const make: MakeBackup = async (file) => void (await backup(database, file, location.env.DATABASE_URL));
    const { clock, list } = servers(dir, make, ["server-a", "server-b"]);
    const [a, b] = list as [BackupScheduler, BackupScheduler];
    clock.at = vn("2026-11-20", "00:59");
    expect(await a.tick()).toEqual({ outcome: "early" });
    clock.at = vn("2026-11-20", "01:00");
    const ticks = await Promise.all([a.tick(), b.tick()]);
    const name = backupFileName(clock.at);
    expect(name).toBe("chiso-backup-20261119T180000Z.tar");
    expect(ticks.map((t) => t.outcome).sort()).toEqual(["backed-up", "taken"]);
    expect(readdirSync(dir)).toEqual([name]);
    // A chiso backup, as restore reads it: the manifest, checked, then the database.
    const manifest = await readBackup(join(dir, name), join(root, "payload"));
    expect(manifest).toMatchObject({ format: "chiso-backup", engine, schema: currentSchema() });
    expect(manifest.tables.scheduled_backups).toBe(1); // the day's own claim, taken before the dump
    clock.at = vn("2026-11-20", "23:59");
    expect(await a.tick()).toEqual({ outcome: "taken" });
    expect(await b.tick()).toEqual({ outcome: "taken" });
    const [row] = await rowsOf("2026-11-20");
    expect(row).toMatchObject({ file: name, error: null, finished: true });
    expect(["server-a", "server-b"]).toContain(row?.server);
  });

  it("a failed backup leaves no file and is tried again an hour later, by any server", async () => {
    const dir = join(root, "failing");
    let fail = true;
    const make: MakeBackup = async (file) => {
      writeFileSync(file, "half");
      if (fail) throw new Error("disk full");
    };
    const { clock, list } = servers(dir, make, ["server-a", "server-b"]);
    const [a, b] = list as [BackupScheduler, BackupScheduler];
    clock.at = vn("2026-12-01", "01:00");
    expect(await a.tick()).toEqual({ outcome: "failed", error: "disk full" });
    expect(readdirSync(dir)).toEqual([]);
    expect(await rowsOf("2026-12-01")).toEqual([
      { server: "server-a", file: null, error: "disk full", finished: false },
    ]);
    fail = false;
    clock.at = vn("2026-12-01", "01:59");
    expect(await b.tick()).toEqual({ outcome: "taken" });
    clock.at = vn("2026-12-01", "02:00");
    expect(await b.tick()).toMatchObject({ outcome: "backed-up", file: backupFileName(clock.at) });
    expect(await rowsOf("2026-12-01")).toEqual([
      { server: "server-b", file: backupFileName(clock.at), error: null, finished: true },
    ]);
  });

  it("a day claimed by a server that died is taken over after six hours", async () => {
    const dir = join(root, "abandoned");
    const { clock, list } = servers(dir, fakeBackup, ["server-b"]);
    const [b] = list as [BackupScheduler];
    await database.rows(
      `insert into scheduled_backups (day, server, claimed_at, retry_after) values ('2026-12-02', 'dead', '${vn("2026-12-02", "01:00").toISOString()}', '${vn("2026-12-02", "07:00").toISOString()}')`,
    );
    clock.at = vn("2026-12-02", "06:59");
    expect(await b.tick()).toEqual({ outcome: "taken" });
    clock.at = vn("2026-12-02", "07:00");
    expect(await b.tick()).toMatchObject({ outcome: "backed-up" });
  });

  it("a simulated year and a month: each day's backup kept 14 days, each month's first kept 12 months", async () => {
    const dir = join(root, "year");
    const { clock, list } = servers(dir, fakeBackup, ["server-a", "server-b"]);
    const [a, b] = list as [BackupScheduler, BackupScheduler];
    // Files the schedule did not name are never touched.
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "");
    writeFileSync(join(dir, "chiso-backup-before-upgrade.tar"), "");
    let day = "2027-01-01";
    const made: string[] = [];
    for (let i = 0; i < 400; i++) {
      clock.at = vn(day, "00:30");
      expect((await a.tick()).outcome).toBe("early");
      clock.at = vn(day, "01:02");
      const first = await a.tick();
      expect(first.outcome).toBe("backed-up");
      if (first.outcome === "backed-up") made.push(first.file);
      clock.at = vn(day, "13:00");
      expect((await b.tick()).outcome).toBe("taken");
      day = addDays(day, 1);
    }
    const last = addDays(day, -1);
    expect(last).toBe("2028-02-04");
    const kept = readdirSync(dir).sort();
    const dailies = Array.from({ length: 14 }, (_, i) => backupFileName(vn(addDays(last, i - 13), "01:02")));
    const months = ["2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10"];
    const monthlies = [...months, "2027-11", "2027-12", "2028-01", "2028-02"].map((mo) =>
      backupFileName(vn(`${mo}-01`, "01:02")),
    );
    expect(kept).toEqual(
      [...monthlies.slice(0, 11), ...dailies, "notes.txt", "chiso-backup-before-upgrade.tar"].sort(),
    );
    expect(kept.filter((f) => made.includes(f))).toHaveLength(25);
    const [count] = await database.rows(
      "select count(*)::int as n from scheduled_backups where day between '2027-01-01' and '2028-02-04' and finished_at is not null",
    );
    expect(Number(count?.n)).toBe(400);
  });
});
