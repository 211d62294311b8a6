import { readFileSync, statSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { ROW_FILE_MAX_BYTES, rowFileFormat } from "../files/row-file.ts";
import { importUnits } from "../units/import.ts";
import { readUnitFile } from "../units/import-file.ts";
import { withDatabase } from "./database.ts";
import { printImportSummary } from "./import-summary.ts";
import { argument } from "./usage.ts";

/**
 * `chiso units import FILE [--dry-run]`: the official unit list (CSV or .xlsx) through the same
 * checks and audited write as POST /api/units/import, as the operator (src/units/import.ts). Exit 1
 * when a row is rejected (nothing is written), 0 otherwise.
 */
export async function unitsImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = argument(positionals);
  if (statSync(file).size > ROW_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const rows = await readUnitFile(readFileSync(file), rowFileFormat(file));
  const summary = await withDatabase((database) =>
    importUnits(database.db, systemActor("cli"), null, rows, { dryRun: values["dry-run"] === true }),
  );
  printImportSummary(summary, (r) => r.code);
  return summary.status === "ERROR" ? 1 : 0;
}
