import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChiso } from "../../test/cli.ts";
import { adminUrl } from "../../test/engine.ts";
import { type Database, openPglite, openPostgres } from "../db/client.ts";
import { seedForBackup, snapshot } from "./seed.test-helper.ts";

const dir = mkdtempSync(join(tmpdir(), "chiso-move-"));
const dataDir = join(dir, "data");
const names = [0, 1].map(() => `chiso_move_${randomBytes(5).toString("hex")}`);
let before: Awaited<ReturnType<typeof snapshot>>;

async function snapshotAt(database: Database) {
  try {
    return await snapshot(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const admin = openPostgres(adminUrl(), 1);
  for (const name of names) await admin.rows(`create database ${name}`);
  await admin.close();
  const embedded = await openPglite(dataDir, undefined, { shortLived: true });
  await embedded.migrate();
  await seedForBackup(embedded);
  before = await snapshotAt(embedded);
}, 300_000);
afterAll(async () => {
  const admin = openPostgres(adminUrl(), 1);
  for (const name of names) await admin.rows(`drop database if exists ${name} with (force)`);
  await admin.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("from the embedded database to PostgreSQL", { timeout: 300_000 }, () => {
  it("migrate-to-postgres copies every row: same counts, same analytics answer, writes go on", async () => {
    const url = adminUrl(names[0]);
    const out = runChiso({ CHISO_DATA_DIR: dataDir }, ["migrate-to-postgres", url]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const total = Object.values(before.tables).reduce((a, b) => a + b, 0);
    expect(out.stdout).toContain(`Moved to PostgreSQL: ${total} dòng / rows`);
    const target = openPostgres(url, 2);
    // Sequences continue after the copied ids: a new unit gets a fresh id.
    await target.rows(
      "insert into units (code, name_vi, kind, type, valid_from) values ('NEW', 'Mới', 'territorial', 'xã', '2024-01-01')",
    );
    await target.rows("delete from units where code = 'NEW'");
    expect(await snapshotAt(target)).toEqual(before);

    const again = runChiso({ CHISO_DATA_DIR: dataDir }, ["migrate-to-postgres", url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already holds data: add --force to replace all of it");
  });

  it("an embedded backup restores into PostgreSQL the same", async () => {
    const file = join(dir, "embedded.tar");
    expect(runChiso({ CHISO_DATA_DIR: dataDir }, ["backup", "-o", file]).status).toBe(0);
    const url = adminUrl(names[1]);
    const out = runChiso({ DATABASE_URL: url }, ["restore", file]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(await snapshotAt(openPostgres(url, 2))).toEqual(before);
  });
});
