import { describe, expect, it } from "vitest";
import { addDays } from "../period/index.ts";
import { backupFileName, backupInstant, retainBackups, vietnamHour } from "./index.ts";

/** The backup taken at 01:30 in Vietnam (18:30 UTC the day before) on the Vietnam date `day`. */
const at = (day: string, hh = "01", mm = "30") =>
  backupFileName(new Date(Date.parse(`${day}T${hh}:${mm}:00+07:00`)));

const policy = { daily: 14, monthly: 12 };

describe("backup file names", () => {
  it("names a backup by its UTC instant, to the second, and reads it back", () => {
    const instant = new Date("2026-11-19T18:30:05.123Z");
    expect(backupFileName(instant)).toBe("chiso-backup-20261119T183005Z.tar");
    expect(backupInstant("chiso-backup-20261119T183005Z.tar")).toEqual(new Date("2026-11-19T18:30:05Z"));
  });

  it("reads nothing from other names", () => {
    for (const name of [
      "notes.txt",
      "chiso-backup-2026-11-19.tar",
      "chiso-backup-20261319T183005Z.tar",
      "x-chiso-backup-20261119T183005Z.tar",
    ]) {
      expect(backupInstant(name)).toBeNull();
    }
  });

  it("knows the hour in Vietnam", () => {
    expect(vietnamHour(new Date("2026-11-19T17:00:00Z"))).toBe(0);
    expect(vietnamHour(new Date("2026-11-19T18:59:59Z"))).toBe(1);
    expect(vietnamHour(new Date("2026-11-20T16:59:59Z"))).toBe(23);
  });
});

describe("retention", () => {
  it("keeps the newest backup of each of the last 14 days, the day itself counted", () => {
    const files = Array.from({ length: 20 }, (_, i) => at(addDays("2026-11-01", i)));
    const { keep, delete: gone } = retainBackups(files, "2026-11-20", { daily: 14, monthly: 0 });
    expect(keep).toEqual(files.slice(6));
    expect(gone).toEqual(files.slice(0, 6));
  });

  it("keeps the first backup of each of the last 12 months", () => {
    const files = ["2025-10-05", "2025-11-01", "2025-11-02", "2025-12-01", "2026-10-31", "2026-11-02"].map(
      (d) => at(d),
    );
    const { keep } = retainBackups(files, "2026-11-20", { daily: 0, monthly: 12 });
    // 12 months ending with 11/2026 start at 12/2025.
    expect(keep).toEqual([at("2025-12-01"), at("2026-10-31"), at("2026-11-02")]);
  });

  it("keeps only the newest of several backups of one day", () => {
    const files = [at("2026-11-20", "01", "30"), at("2026-11-20", "09", "00"), at("2026-11-20", "23", "59")];
    const { keep, delete: gone } = retainBackups(files, "2026-11-20", { daily: 14, monthly: 0 });
    expect(keep).toEqual([at("2026-11-20", "23", "59")]);
    expect(gone).toEqual(files.slice(0, 2));
  });

  it("dates a backup by Vietnam's calendar: 23:30 UTC is the next day", () => {
    const late = backupFileName(new Date("2026-11-19T23:30:00Z")); // 06:30 on 20/11 in Vietnam
    const { keep } = retainBackups([late], "2026-11-20", { daily: 1, monthly: 0 });
    expect(keep).toEqual([late]);
    const { keep: kept, delete: gone } = retainBackups([late, at("2026-11-20", "07")], "2026-11-20", {
      daily: 1,
      monthly: 0,
    });
    expect(kept).toEqual([at("2026-11-20", "07")]);
    expect(gone).toEqual([late]);
  });

  it("never touches other files, nor a backup dated after the day, and always keeps the newest", () => {
    const old = at("2020-01-01");
    const ahead = at("2027-01-01");
    const files = ["README.txt", old, "chiso-backup-manual.tar", ahead];
    expect(retainBackups(files, "2026-11-20", policy)).toEqual({ keep: [ahead], delete: [old] });
    // A server back after years with no backup since: its last one stays.
    expect(retainBackups([old, at("2020-01-02")], "2026-11-20", policy)).toEqual({
      keep: [at("2020-01-02")],
      delete: [old],
    });
  });

  it("a year of daily backups, pruned each day, leaves 14 daily and 12 monthly ones", () => {
    let files: string[] = [];
    let day = "2025-11-01";
    for (let i = 0; i < 400; i++) {
      files.push(at(day));
      files = retainBackups(files, day, policy).keep;
      day = addDays(day, 1);
    }
    const last = addDays(day, -1); // 2026-12-05
    expect(last).toBe("2026-12-05");
    const dailies = Array.from({ length: 14 }, (_, i) => at(addDays(last, i - 13)));
    const monthlies = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]
      .concat(["2026-09", "2026-10", "2026-11", "2026-12"])
      .map((m) => at(`${m}-01`));
    expect(files).toEqual([...monthlies.slice(0, 11), ...dailies]);
    expect(dailies).toContain(monthlies[11]);
  });

  it("keeps nothing extra with a policy of zero, but the newest", () => {
    const files = [at("2026-11-18"), at("2026-11-19")];
    expect(retainBackups(files, "2026-11-20", { daily: 0, monthly: 0 })).toEqual({
      keep: [at("2026-11-19")],
      delete: [at("2026-11-18")],
    });
  });
});
