import { readFileSync, statSync, writeFileSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { importSetup } from "../setup-bundle/import.ts";
import { exportSetup } from "../setup-bundle/store.ts";
import { withDatabase } from "./database.ts";
import { printImportSummary } from "./import-summary.ts";
import { argument } from "./usage.ts";

/** The largest setup file read: far above a province's forms (the demo's is about 21 kB). */
const SETUP_FILE_MAX_BYTES = 5 * 1024 * 1024;

const kindWords = {
  metric: "chỉ số / metric",
  form: "biểu mẫu / form",
  version: "phiên bản / version",
  rule: "quy tắc / rule",
};

/**
 * `chiso setup export [--form CODE ...] [-o FILE]`: the forms named (every form when none) with
 * their versions, rules and the metrics they need, as a setup bundle (JSON).
 */
export async function setupExport(values: Record<string, unknown>): Promise<number> {
  const codes = (values.form as string[] | undefined) ?? [];
  const bundle = await withDatabase((database) => exportSetup(database.db, codes), { readOnly: true });
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  const out = values.output as string | undefined;
  if (!out) {
    process.stdout.write(text);
    return 0;
  }
  writeFileSync(out, text);
  process.stderr.write(
    `${bundle.forms.length} biểu mẫu / forms, ${bundle.metrics.length} chỉ số / metrics → ${out}\n`,
  );
  return 0;
}

function readBundle(file: string): unknown {
  if (statSync(file).size > SETUP_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const why = (error as Error).message;
    throw invalid(
      fieldIssue("file", `Tệp không phải JSON hợp lệ: ${why}`, `The file is not valid JSON: ${why}`),
    );
  }
}

/**
 * `chiso setup import FILE [--dry-run]`: a setup bundle through the checks and audited writes of
 * the metrics and forms API, as the operator (src/setup-bundle/import.ts). Exit 1 when a row is
 * rejected (nothing is written), 0 otherwise.
 */
export async function setupImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = argument(positionals);
  const bundle = readBundle(file);
  const summary = await withDatabase((database) =>
    importSetup(database.db, systemActor("cli"), bundle, { dryRun: values["dry-run"] === true }),
  );
  printImportSummary(summary, (r) => `${kindWords[r.kind]} ${r.code}`);
  return summary.status === "ERROR" ? 1 : 0;
}
