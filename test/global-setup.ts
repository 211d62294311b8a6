import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../src/db/client.ts";
import { adminUrl, templateName } from "./engine.ts";

/**
 * Migrates once per run: a PGlite data directory dumped to a tarball that each test file loads,
 * or a PostgreSQL template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  const engine = project.config.env?.CHISO_TEST_ENGINE ?? "pglite";
  if (engine === "postgresql") {
    const name = templateName();
    const admin = openPostgres(adminUrl(), 1);
    await admin.db.execute(`drop database if exists ${name}`);
    await admin.db.execute(`create database ${name}`);
    const tpl = openPostgres(adminUrl(name), 1);
    await tpl.migrate();
    await tpl.close();
    project.provide("pgTemplate", name);
    return async () => {
      await admin.db.execute(`drop database if exists ${name}`);
      await admin.close();
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const database = await openPglite();
  await database.migrate();
  const client = (database.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir("none");
  const path = join(tmpdir(), `chiso-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", path);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
