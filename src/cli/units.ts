import { readFileSync, statSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { importUnits } from "../units/import.ts";
import { readUnitFile, UNIT_FILE_MAX_BYTES, unitFileFormat } from "../units/import-file.ts";
import type { UnitImportSummary } from "../units/import-rows.ts";
import { withDatabase } from "./database.ts";

const actionWords = {
  create: "tạo / create",
  unchanged: "giữ nguyên / unchanged",
  rejected: "từ chối / rejected",
};

function printSummary(summary: UnitImportSummary): void {
  const c = summary.counts;
  const head = summary.dryRun ? "Chạy thử, chưa ghi / Dry run, nothing written" : summary.status;
  process.stdout.write(
    `${head}: tạo / create ${c.create}, giữ nguyên / unchanged ${c.unchanged}, từ chối / rejected ${c.rejected}\n`,
  );
  for (const r of summary.rows) {
    if (r.action === "unchanged") continue;
    process.stdout.write(`  dòng / row ${r.row} ${r.code ?? "?"}: ${actionWords[r.action]}\n`);
    for (const i of r.issues) process.stdout.write(`    ${i.path}: ${i.message} / ${i.message_en}\n`);
  }
}

/**
 * `chiso units import FILE [--dry-run]`: the official unit list (CSV or .xlsx) through the same
 * checks and audited write as POST /api/units/import, as the operator (src/units/import.ts). Exit 1
 * when a row is rejected (nothing is written), 0 otherwise.
 */
export async function unitsImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [file] = positionals;
  if (!file) {
    process.stderr.write("Cần tên tệp / A file is needed: chiso units import FILE [--dry-run]\n");
    return 2;
  }
  if (statSync(file).size > UNIT_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const rows = await readUnitFile(readFileSync(file), unitFileFormat(file));
  const summary = await withDatabase((database) =>
    importUnits(database.db, systemActor("cli"), null, rows, { dryRun: values["dry-run"] === true }),
  );
  printSummary(summary);
  return summary.status === "ERROR" ? 1 : 0;
}
