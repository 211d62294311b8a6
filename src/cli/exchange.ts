import { readFileSync, statSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { systemActor } from "../audit/audit.ts";
import { csvFromValues, dataValuesFromCsv } from "../exchange/dhis2-csv.ts";
import { exportDataValueSets } from "../exchange/export.ts";
import { importDataValueSet } from "../exchange/import.ts";
import type { DataValueSetIn, ImportSummary } from "../exchange/schema.ts";
import { withDatabase } from "./database.ts";
import { endProgress, progressPrinter } from "./progress.ts";

/** The CLI reads the file whole; beyond this the streaming import of a later issue is needed. */
export const maxImportBytes = 512 * 1024 * 1024;

function readPayload(file: string): { payload: DataValueSetIn; indexes?: number[] } {
  const size = statSync(file).size;
  if (size > maxImportBytes) throw new Error(`${file}: ${size} bytes > ${maxImportBytes}`);
  const text = readFileSync(file, "utf8");
  if (extname(file).toLowerCase() === ".csv") {
    const { dataValues, lines } = dataValuesFromCsv(text);
    return { payload: { dataValues } as DataValueSetIn, indexes: lines };
  }
  try {
    return { payload: JSON.parse(text) as DataValueSetIn };
  } catch (error) {
    throw new Error(`${file}: JSON không hợp lệ / invalid JSON: ${(error as Error).message}`);
  }
}

function printSummary(summary: ImportSummary): void {
  const c = summary.importCount;
  process.stdout.write(
    `${summary.status}: nhập mới / imported ${c.imported}, cập nhật / updated ${c.updated}, ` +
      `bỏ qua / ignored ${c.ignored}, xóa / deleted ${c.deleted}\n`,
  );
  for (const conflict of summary.conflicts.slice(0, 100)) {
    process.stdout.write(
      `  #${conflict.index} ${conflict.object}: ${conflict.value} / ${conflict.value_en}\n`,
    );
  }
  if (summary.conflicts.length > 100) process.stdout.write(`  … ${summary.conflicts.length - 100} more\n`);
}

/** `chiso import FILE`: dataValueSets JSON or DHIS2 CSV, all or nothing unless --partial. */
export async function importCommand(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [file] = positionals;
  if (!file) {
    process.stderr.write("Cần tên tệp / A file is needed: chiso import FILE\n");
    return 2;
  }
  const { payload, indexes } = readPayload(file);
  const progress = progressPrinter("Nhập / Import");
  const summary = await withDatabase((database) =>
    importDataValueSet(database.db, systemActor("cli"), null, payload, {
      dryRun: values["dry-run"] === true,
      atomic: values.partial !== true,
      dataSet: values["data-set"] as string | undefined,
      indexes,
      onProgress: (done, total) => progress(`${done}/${total}`),
    }),
  );
  endProgress();
  printSummary(summary);
  return summary.status === "ERROR" ? 1 : 0;
}

/** `chiso export`: approved values of a form as dataValueSets JSON or DHIS2 CSV. */
export async function exportCommand(values: Record<string, unknown>): Promise<number> {
  const dataSet = values["data-set"] as string | undefined;
  const periods = (values.period as string[] | undefined) ?? [];
  const orgUnits = (values.unit as string[] | undefined) ?? [];
  if (!dataSet || periods.length === 0 || orgUnits.length === 0) {
    process.stderr.write("Cần --data-set, --period và --unit / Needs --data-set, --period and --unit\n");
    return 2;
  }
  const query = {
    dataSet,
    periods,
    orgUnits,
    children: values.children === true,
    includeUnapproved: values["include-unapproved"] === true,
  };
  const { set, values: rows } = await withDatabase((database) => exportDataValueSets(database.db, query));
  const text = values.format === "csv" ? csvFromValues(rows) : `${JSON.stringify(set, null, 2)}\n`;
  const out = values.output as string | undefined;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  if (out) process.stderr.write(`${rows.length} giá trị / values → ${out}\n`);
  return 0;
}
