import { readFileSync, statSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { ROW_FILE_MAX_BYTES, type RowFileFormat, rowFileFormat } from "../files/row-file.ts";
import { importUnits } from "../units/import.ts";
import { readUnitFile } from "../units/import-file.ts";
import { applyReform, type ReformSummary } from "../units/reform.ts";
import { readReformFile } from "../units/reform-file.ts";
import { withDatabase } from "./database.ts";
import { printImportSummary } from "./import-summary.ts";
import { argument } from "./usage.ts";

/** The rows of the file named first, read by `read`. */
async function rowsOfFile<R>(
  positionals: string[],
  read: (bytes: Buffer, format: RowFileFormat) => Promise<R[]>,
): Promise<R[]> {
  const file = argument(positionals);
  if (statSync(file).size > ROW_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  return read(readFileSync(file), rowFileFormat(file));
}

/**
 * `chiso units import FILE [--dry-run]`: the official unit list (CSV or .xlsx) through the same
 * checks and audited write as POST /api/units/import, as the operator (src/units/import.ts). Exit 1
 * when a row is rejected (nothing is written), 0 otherwise.
 */
export async function unitsImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const rows = await rowsOfFile(positionals, readUnitFile);
  const summary = await withDatabase((database) =>
    importUnits(database.db, systemActor("cli"), null, rows, { dryRun: values["dry-run"] === true }),
  );
  printImportSummary(summary, (r) => r.code);
  return summary.status === "ERROR" ? 1 : 0;
}

/**
 * `chiso units reform FILE [--dry-run]`: a reorganisation (CSV or .xlsx) previewed and applied in
 * one transaction as by POST /api/units/reform, as the operator (src/units/reform.ts). Exit 1 on
 * any problem (nothing is written), 0 otherwise.
 */
export async function unitsReform(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const rows = await rowsOfFile(positionals, readReformFile);
  const summary = await withDatabase((database) =>
    applyReform(database.db, systemActor("cli"), null, rows, { dryRun: values["dry-run"] === true }),
  );
  printReformSummary(summary);
  return summary.status === "ERROR" ? 1 : 0;
}

function printReformSummary(s: ReformSummary): void {
  const c = s.counts;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${s.dryRun ? "Chạy thử, chưa ghi / Dry run, nothing written" : s.status} (${s.date ?? "?"}): ` +
      `mở / open ${c.open}, giải thể / close ${c.close}, chuyển / move ${c.move}, ` +
      `giữ nguyên / unchanged ${c.unchanged}, lỗi / problems ${c.problems}`,
  );
  for (const o of s.opens.filter((x) => x.action !== "unchanged")) {
    const from = o.predecessors.map((p) => (p.part ? `${p.code} [một phần/part]` : p.code)).join(" + ");
    out(
      `  mở / open ${o.code} ${o.nameVi} < ${o.parentCode ?? "-"} (cấp / level ${o.level})${from ? ` ← ${from}` : ""}`,
    );
  }
  for (const x of s.closes.filter((x) => x.action !== "unchanged")) {
    out(`  giải thể / close ${x.code}; cấp dưới sang / children to ${x.heir ?? "-"}`);
  }
  for (const m of s.moves.filter((x) => x.action !== "unchanged")) {
    out(
      `  chuyển / move ${m.code}: ${m.fromParent ?? "-"} → ${m.toParent ?? "-"} (cấp / level ${m.fromLevel} → ${m.level})`,
    );
  }
  for (const g of s.touched.grants) {
    out(`  cần phân quyền lại / reassign: ${g.username} (${g.role}) @ ${g.unitCode}`);
  }
  const t = s.touched;
  if (t.forms.length + t.plans.length + t.assessments.length > 0) {
    out(
      `  đơn vị giải thể còn trong / closed units still named by: biểu mẫu / forms ${t.forms.length}, ` +
        `kế hoạch / plans ${t.plans.length}, kỳ đánh giá / assessments ${t.assessments.length}`,
    );
  }
  for (const p of s.problems) out(`  ${p.path}: ${p.message} / ${p.message_en}`);
}
