/**
 * Copies every row of one chiso database into another of the same schema version: from the
 * embedded database (PGlite) to a PostgreSQL server whose schema was just created by the same
 * migrations. One transaction on the target; the tables' own triggers (the audit trail's guard,
 * the data version, the values' report check) are paused for it, foreign keys are not: tables
 * are filled parents first. Each table travels as one COPY text blob (held in memory).
 */
import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "../db/client.ts";
import { bulkTransaction } from "../db/copy.ts";
import type { RawRows } from "../db/journal.ts";
import { rawRows } from "../db/rows.ts";
import { ident, publicTables, rowCounts } from "./tables.ts";

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
export function parentsFirst(tables: string[], references: [child: string, parent: string][]): string[] {
  const placed = new Set<string>();
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const [child, parent] of references) if (child === table && parent !== table) visit(parent, path);
    placed.add(table);
    order.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return order;
}

async function references(rows: RawRows): Promise<[string, string][]> {
  const found = await rows(
    `select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
     where contype = 'f' and connamespace = 'public'::regnamespace`,
  );
  const bare = (name: unknown) => String(name).replace(/^"|"$/g, "");
  return found.map((r) => [bare(r.child), bare(r.parent)]);
}

async function columns(rows: RawRows, table: string): Promise<string> {
  const found = await rows(
    `select column_name from information_schema.columns where table_schema = 'public'
     and table_name = '${table.replaceAll("'", "''")}' and is_generated = 'NEVER' order by ordinal_position`,
  );
  return found.map((r) => ident(String(r.column_name))).join(", ");
}

/** Every serial column's sequence continues after the largest value copied. */
async function continueSequences(rows: RawRows): Promise<void> {
  const serials = await rows(
    `select table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) as seq
     from information_schema.columns where table_schema = 'public'
     and pg_get_serial_sequence(format('%I', table_name), column_name) is not null`,
  );
  for (const s of serials) {
    const max = `(select max(${ident(String(s.column_name))}) from ${ident(String(s.table_name))})`;
    await rows(`select setval('${String(s.seq)}', coalesce(${max}, 0) + 1, false)`);
  }
}

/** The PGlite client under a Database opened by openPglite. */
export function pgliteClient(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

/** Copies `source` (embedded) into `target` (PostgreSQL, migrated, no rows kept); returns the target's counts. */
export async function copyDatabase(source: Database, target: Database): Promise<Record<string, number>> {
  const client = pgliteClient(source);
  const order = parentsFirst(await publicTables(target.rows), await references(target.rows));
  await bulkTransaction(target.db, async (tx, copy) => {
    const rows = rawRows(tx);
    for (const table of order) await rows(`alter table ${ident(table)} disable trigger user`);
    // Rows the migrations wrote (the data version's one row) give way to the source's.
    for (const table of [...order].reverse()) await rows(`delete from ${ident(table)}`);
    for (const table of order) {
      const list = await columns(rows, table);
      const out = await client.query(`copy (select ${list} from ${ident(table)}) to '/dev/blob'`);
      if (out.blob && out.blob.size > 0) await copy(`${ident(table)} (${list})`, [await out.blob.text()]);
    }
    for (const table of order) await rows(`alter table ${ident(table)} enable trigger user`);
    await continueSequences(rows);
  });
  return rowCounts(target.rows);
}
