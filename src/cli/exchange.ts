import { statSync, writeFileSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { csvFromValues } from "../exchange/dhis2-csv.ts";
import { exportDataValueSets } from "../exchange/export.ts";
import { fileSource, formatOfName } from "../exchange/file-source.ts";
import { importValues } from "../exchange/import.ts";
import type { ImportSummary } from "../exchange/schema.ts";
import { withDatabase } from "./database.ts";
import { endProgress, importProgress, progressPrinter } from "./progress.ts";
import { apiPath } from "./stop.ts";
import { argument, missing } from "./usage.ts";

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
  const more = summary.conflictCount - Math.min(100, summary.conflicts.length);
  if (more > 0) process.stdout.write(`  … ${more} lỗi nữa / more conflicts\n`);
}

/**
 * `chiso import FILE`: dataValueSets JSON, DHIS2 CSV or Excel (.xlsx), streamed from disk, all
 * or nothing unless --partial; a progress bar with values per second on standard error.
 */
export async function importCommand(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = argument(positionals);
  const size = statSync(file).size;
  const counter = { bytes: 0 };
  const format = formatOfName(file);
  const source = await fileSource(file, format, counter);
  const progress = progressPrinter("Nhập / Import", 2000);
  const started = performance.now();
  // The server takes JSON and CSV bodies (not Excel) at the same rules.
  const api =
    format === "xlsx"
      ? undefined
      : {
          method: "POST" as const,
          path: apiPath([format === "csv" ? "dataValueSets.csv" : "dataValueSets"], {
            dataSet: values["data-set"] as string | undefined,
            dryRun: values["dry-run"] === true ? "true" : undefined,
            atomic: values.partial === true ? "false" : undefined,
            approve: values.approve === true ? "true" : undefined,
            reason: values.reason as string | undefined,
          }),
        };
  const summary = await withDatabase(
    (database) =>
      importValues(database.db, systemActor("cli"), null, source, {
        dryRun: values["dry-run"] === true,
        atomic: values.partial !== true,
        dataSet: values["data-set"] as string | undefined,
        approve: values.approve === true,
        reason: values.reason as string | undefined,
        onProgress: (done) =>
          progress(
            importProgress(
              done,
              size && counter.bytes ? counter.bytes / size : null,
              (performance.now() - started) / 1000,
            ),
          ),
      }),
    { api },
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
  if (!dataSet || periods.length === 0 || orgUnits.length === 0)
    throw missing({ "--data-set": dataSet, "--period": periods, "--unit": orgUnits });
  const query = {
    dataSet,
    periods,
    orgUnits,
    children: values.children === true,
    includeUnapproved: values["include-unapproved"] === true,
  };
  const csv = values.format === "csv";
  const api = apiPath([csv ? "dataValueSets.csv" : "dataValueSets"], {
    dataSet,
    period: periods,
    orgUnit: orgUnits,
    children: query.children ? "true" : undefined,
    includeUnapproved: query.includeUnapproved ? "true" : undefined,
  });
  const { set, values: rows } = await withDatabase((database) => exportDataValueSets(database.db, query), {
    readOnly: true,
    api: { method: "GET", path: api },
  });
  const text = csv ? csvFromValues(rows) : `${JSON.stringify(set, null, 2)}\n`;
  const out = values.output as string | undefined;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  if (out) process.stderr.write(`${rows.length} giá trị / values → ${out}\n`);
  return 0;
}
