/**
 * Import speed: one million values as a dataValueSets JSON file on disk, through the import path
 * of `chiso import` (streamed, checked as forms are, one transaction, COPY, audit), against
 * PostgreSQL's raw COPY of the same rows into a bare table (no keys, no indexes).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { Database } from "../src/db/client.ts";
import { importValues } from "../src/exchange/import.ts";
import { jsonSource } from "../src/exchange/sources.ts";
import { createForm } from "../src/forms/service.ts";
import type { BulkReport } from "../src/scale/bulk.ts";
import { buildMetrics, loadMoment, periodReports, storedCodes, type Tree } from "./dataset.ts";
import { actor } from "./load.ts";

const IMPORT_FORM = "BENCH_IMPORT";
const TARGET_VALUES = 1_000_000;

export interface ImportResult {
  values: number;
  /** The dataValueSets file's size. */
  fileBytes: number;
  seconds: number;
  valuesPerSecond: number;
  rawCopySeconds: number | null;
  rawCopyValuesPerSecond: number | null;
  /** How many times slower than raw COPY. */
  ratio: number | null;
}

/** Months counted back from December 2020, before the analytics window (2021–2025). */
function monthBack(i: number): string {
  const m = 2020 * 12 + 11 - i;
  return `${Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
}

function importReports(tree: Tree, seed: number) {
  const perReport = storedCodes(buildMetrics()).length;
  const months = Math.ceil(TARGET_VALUES / perReport / tree.reporting.length);
  return Array.from({ length: months }, (_, i) =>
    periodReports(tree, seed + 7, i).map((r) => ({ ...r, period: monthBack(i) })),
  )
    .flat()
    .slice(0, Math.ceil(TARGET_VALUES / perReport));
}

async function rawCopy(url: string, formCode: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    // COPY takes no bind parameters; the form code is this file's constant, not input.
    const select = `copy (select dv.* from data_values dv join submissions s on s.id = dv.submission_id
                          join forms f on f.id = s.form_id where f.code = '${formCode}') to stdout`;
    await pipeline(
      client.query(copyTo(select)),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    await client.query("drop table if exists bench_bare");
    await client.query("create table bench_bare (like data_values)");
    const t0 = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom("copy bench_bare from stdin")));
    const seconds = (performance.now() - t0) / 1000;
    await client.query("drop table bench_bare");
    return seconds;
  } finally {
    await client.end();
  }
}

export async function importBench(database: Database, url: string | null, tree: Tree, seed: number) {
  const metrics = storedCodes(buildMetrics());
  await createForm(database.db, actor, {
    code: IMPORT_FORM,
    nameVi: "Nhập hàng loạt (thử tải)",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: metrics.map((code) => ({ code, required: false })),
    unitCodes: tree.reporting,
  });
  const dir = mkdtempSync(join(tmpdir(), "chiso-bench-import-"));
  const file = join(dir, "dataValueSets.json");
  const fileBytes = await writeDataValueSet(file, importReports(tree, seed));
  const t0 = performance.now();
  const summary = await importValues(
    database.db,
    actor,
    null,
    jsonSource(createReadStream(file, { highWaterMark: 1 << 20 })),
    { now: loadMoment },
  );
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (summary.status !== "SUCCESS") throw new Error(`bench import: ${summary.description_en}`);
  const loaded = { values: summary.importCount.imported };
  const raw = url ? await rawCopy(url, IMPORT_FORM) : null;
  // Leave the benchmark database as bench:data made it, so the next run can reuse it.
  await database.db.execute(
    sql`delete from submissions where form_id = (select id from forms where code = ${IMPORT_FORM})`,
  );
  await database.db.execute(sql`delete from forms where code = ${IMPORT_FORM}`);
  // A million dead rows would slow the next run's reads until autovacuum came by.
  await database.db.execute(sql`vacuum analyze data_values, submissions`);
  const result: ImportResult = {
    values: loaded.values,
    fileBytes,
    seconds,
    valuesPerSecond: loaded.values / seconds,
    rawCopySeconds: raw,
    rawCopyValuesPerSecond: raw ? loaded.values / raw : null,
    ratio: raw ? seconds / raw : null,
  };
  return result;
}

/** Writes the reports as one dataValueSets JSON file, a report's values together; returns its size. */
async function writeDataValueSet(file: string, reports: readonly BulkReport[]): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = (text: string) => {
    bytes += Buffer.byteLength(text);
    return out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  };
  await write(`{"dataSet":"${IMPORT_FORM}","dataValues":[`);
  let first = true;
  for (const r of reports) {
    const lines = r.values.map((v) =>
      JSON.stringify({ dataElement: v.metric, period: r.period, orgUnit: r.unit, value: String(v.value) }),
    );
    await write(`${first ? "" : ","}${lines.join(",")}`);
    first = false;
  }
  await write("]}\n");
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return bytes;
}
