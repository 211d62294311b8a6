import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChiso } from "../../test/cli.ts";
import { adminUrl } from "../../test/engine.ts";
import { openPostgres } from "./client.ts";
import { currentSchema, migrationJournal } from "./journal.ts";

const name = `chiso_mig_${randomBytes(5).toString("hex")}`;
const url = adminUrl(name);

beforeAll(async () => {
  const admin = openPostgres(adminUrl(), 1);
  await admin.rows(`create database ${name}`);
  await admin.close();
});
afterAll(async () => {
  const admin = openPostgres(adminUrl(), 1);
  await admin.rows(`drop database if exists ${name} with (force)`);
  await admin.close();
});

describe("migrations on the PostgreSQL server", () => {
  it("--dry-run lists every migration a fresh database lacks and changes nothing", async () => {
    const out = runChiso({ DATABASE_URL: url }, ["migrate", "--dry-run"]);
    expect(out.stderr).toBe("");
    const tags = migrationJournal().map((e) => e.tag);
    expect(out.stdout).toBe(
      `Migration sẽ áp dụng / Migrations to apply (postgresql): ${tags.length}\n${tags.map((t) => `  ${t}\n`).join("")}`,
    );
    const database = openPostgres(url, 1);
    const [found] = await database.rows("select to_regclass('public.units') is null as absent");
    await database.close();
    expect(found?.absent).toBe(true);
  });

  it("three servers starting at once on a fresh database all start; each migration is applied once", async () => {
    const servers = [openPostgres(url, 2), openPostgres(url, 2), openPostgres(url, 2)];
    try {
      await Promise.all(servers.map((s) => s.migrate()));
      const applied = await servers[0]?.rows("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(applied?.[0]?.n).toBe(migrationJournal().length);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    const out = runChiso({ DATABASE_URL: url }, ["migrate", "--dry-run"]);
    expect(out.stdout).toBe(
      `Không có migration nào cần áp dụng / No migration to apply (postgresql, ${currentSchema()})\n`,
    );
  });
});
