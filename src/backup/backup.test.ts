import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChiso } from "../../test/cli.ts";
import { engine, type TestLocation, testLocation } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import { currentSchema } from "../db/journal.ts";
import { writeBackup } from "./archive.ts";
import { seedForBackup, snapshot } from "./seed.test-helper.ts";

let source: TestLocation;
let target: TestLocation;
let dir: string;
let before: Awaited<ReturnType<typeof snapshot>>;

/** The manifest: the tar's first entry (its size is the header's octal field at byte 124). */
function manifestIn(path: string) {
  const tar = readFileSync(path);
  const size = Number.parseInt(tar.subarray(124, 136).toString("latin1").replace(/\0/g, "").trim(), 8);
  return JSON.parse(tar.subarray(512, 512 + size).toString("utf8"));
}

async function snapshotOf(location: TestLocation) {
  const database = await location.open();
  try {
    return await snapshot(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chiso-backup-test-"));
  [source, target] = await Promise.all([testLocation(), testLocation()]);
  const database = await source.open();
  await seedForBackup(database);
  before = await snapshot(database);
  await database.close();
}, 300_000);
/** The data directories restores set aside beside the target's (embedded database only). */
function asideOfTarget(): string[] {
  const data = target.env.CHISO_DATA_DIR;
  if (!data) return [];
  const prefix = `${basename(data)}.before-restore-`;
  return readdirSync(dirname(data))
    .filter((n) => n.startsWith(prefix))
    .map((n) => join(dirname(data), n));
}

afterAll(async () => {
  for (const aside of asideOfTarget()) rmSync(aside, { recursive: true, force: true });
  await Promise.all([source.dispose(), target.dispose()]);
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, { timeout: 300_000 }, () => {
  const file = () => join(dir, "seeded.tar");

  it("backs up with a manifest: chiso's version, the schema, the clock's time and every table's rows", () => {
    const out = runChiso(source.env, ["backup", "-o", file()]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const total = Object.values(before.tables).reduce((a, b) => a + b, 0);
    expect(out.stdout).toBe(
      `Đã sao lưu / Backed up: ${file()} (${total} dòng / rows, ${Object.keys(before.tables).length} bảng / tables)\n`,
    );
    const manifest = manifestIn(file());
    expect(manifest).toMatchObject({
      format: "chiso-backup",
      chisoVersion: "0.1.0",
      engine,
      schema: currentSchema(),
    });
    expect(manifest.tables).toEqual(before.tables);
    expect(manifest.tables.data_values).toBe(5);
    expect(Date.parse(manifest.createdAt) - TEST_NOW.getTime()).toBeLessThan(60_000);
  });

  it("restores into an empty database: every table's rows and the analytics answer are the same", async () => {
    const out = runChiso(target.env, ["restore", file()]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("khớp bản sao lưu / as in the backup");
    const after = await snapshotOf(target);
    expect(after.tables).toEqual(before.tables);
    expect(after.rows).toEqual(before.rows);
    expect(after.rows).toContainEqual(["SERVICES", "202309", "D1", "35"]);
  });

  it("refuses a target that holds data, and replaces it with --force", async () => {
    const refused = runChiso(target.env, ["restore", file()]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^Cơ sở dữ liệu đích \S+ đã có dữ liệu: thêm --force để thay thế toàn bộ \/ The target database \S+ already holds data: add --force to replace all of it\n$/,
    );
    const forced = runChiso(target.env, ["restore", "--force", file()]);
    expect(forced.status, forced.stderr).toBe(0);
    expect((await snapshotOf(target)).tables).toEqual(before.tables);
    // Each replaced directory is kept aside, even when two restores share a second.
    if (engine === "pglite") expect(asideOfTarget()).toHaveLength(2);
  });

  it("refuses an unrelated file and a backup of a newer schema, in one line, writing nothing", async () => {
    const unrelated = join(dir, "notes.txt");
    writeFileSync(unrelated, "không phải bản sao lưu\n");
    const out = runChiso(target.env, ["restore", "--force", unrelated]);
    expect(out.stderr).toBe(
      `${unrelated} không phải bản sao lưu của chiso / ${unrelated} is not a chiso backup\n`,
    );
    expect(out.status).toBe(1);

    const newer = join(dir, "newer.tar");
    const payload = join(dir, "payload");
    writeFileSync(payload, "");
    await writeBackup(newer, { ...manifestIn(file()), schema: "9999_from_the_future" }, payload);
    const refused = runChiso(target.env, ["restore", "--force", newer]);
    expect(refused.stderr).toBe(
      `Bản sao lưu có lược đồ 9999_from_the_future, mới hơn lược đồ ${currentSchema()} của phiên bản chiso này: hãy cài chiso mới hơn / ` +
        `The backup's schema 9999_from_the_future is newer than this chiso's ${currentSchema()}: install a newer chiso\n`,
    );
    expect(refused.status).toBe(1);
    expect((await snapshotOf(target)).tables).toEqual(before.tables);
  });
});
