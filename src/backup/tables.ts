import type { RawRows } from "../db/journal.ts";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables of the public schema, by name. */
export async function publicTables(rows: RawRows): Promise<string[]> {
  const found = await rows("select tablename from pg_tables where schemaname = 'public' order by tablename");
  return found.map((r) => String(r.tablename));
}

/** Rows per public table. */
export async function rowCounts(rows: RawRows): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await publicTables(rows)) {
    const [row] = await rows(`select count(*)::int as n from ${ident(table)}`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Tables that hold no one's data: the one-row tables the migrations themselves fill (the data
 * version, the roll-ups' state), the request limits' counts and the scheduled backups' days (a
 * server started on the empty target may already have claimed today's).
 */
const BOOKKEEPING = new Set(["data_version", "rollup_state", "request_limits", "scheduled_backups"]);

/** Whether the database holds no data (fresh, or only migrated: bookkeeping rows do not count). */
export async function holdsNoRows(rows: RawRows): Promise<boolean> {
  for (const table of await publicTables(rows)) {
    if (BOOKKEEPING.has(table)) continue;
    const [row] = await rows(`select exists (select from ${ident(table)}) as any`);
    if (row?.any) return false;
  }
  return true;
}

/** Objects an extension installed (pgcrypto's functions…) are the extension's, not chiso's. */
const notExtension = (alias: string) =>
  `not exists (select from pg_depend d where d.objid = ${alias}.oid and d.deptype = 'e')`;

/**
 * Drops chiso's objects from a PostgreSQL database (its tables, types and functions in public,
 * and drizzle's migration journal), keeping the schema itself and its grants: a restore then
 * writes into a clean database whatever schema version was there before.
 */
export async function clearSchema(rows: RawRows): Promise<void> {
  await rows("drop schema if exists drizzle cascade");
  for (const table of await publicTables(rows)) await rows(`drop table if exists ${ident(table)} cascade`);
  const types = await rows(
    `select typname from pg_type t where typnamespace = 'public'::regnamespace and typtype in ('e', 'd') and ${notExtension("t")}`,
  );
  for (const t of types) await rows(`drop type if exists ${ident(String(t.typname))} cascade`);
  const routines = await rows(
    `select p.oid::regprocedure::text as signature from pg_proc p where p.pronamespace = 'public'::regnamespace and ${notExtension("p")}`,
  );
  for (const r of routines) await rows(`drop routine if exists ${r.signature} cascade`);
  const sequences = await rows(
    `select relname from pg_class c where relnamespace = 'public'::regnamespace and relkind = 'S' and ${notExtension("c")}`,
  );
  for (const s of sequences) await rows(`drop sequence if exists ${ident(String(s.relname))} cascade`);
}

export { ident };
