import type { ImportRow, ImportSummary } from "../files/import-rows.ts";

const actionWords = {
  create: "tạo / create",
  unchanged: "giữ nguyên / unchanged",
  rejected: "từ chối / rejected",
};

/** The counts, then each row that is not unchanged, with its problems (units and users import). */
export function printImportSummary<R extends ImportRow>(
  summary: ImportSummary<R>,
  name: (row: R) => string | null,
): void {
  const c = summary.counts;
  const head = summary.dryRun ? "Chạy thử, chưa ghi / Dry run, nothing written" : summary.status;
  process.stdout.write(
    `${head}: tạo / create ${c.create}, giữ nguyên / unchanged ${c.unchanged}, từ chối / rejected ${c.rejected}\n`,
  );
  for (const r of summary.rows) {
    if (r.action === "unchanged") continue;
    process.stdout.write(`  dòng / row ${r.row} ${name(r) ?? "?"}: ${actionWords[r.action]}\n`);
    for (const i of r.issues) process.stdout.write(`    ${i.path}: ${i.message} / ${i.message_en}\n`);
  }
}
