import type { FieldIssue } from "../errors/app-error.ts";

const actionWords = {
  create: "tạo / create",
  update: "sửa / update",
  unchanged: "giữ nguyên / unchanged",
  rejected: "từ chối / rejected",
};
type Action = keyof typeof actionWords;

/** What an all-or-nothing import answers (units, users, setup bundles). */
interface Summary<R> {
  status: "OK" | "ERROR";
  dryRun: boolean;
  /** The count of each action the import knows (units and users never update). */
  counts: Partial<Record<Action, number>>;
  rows: R[];
}

/** The counts, then each row that is not unchanged, with its problems (units, users, setup import). */
export function printImportSummary<R extends { row: number; action: Action; issues: FieldIssue[] }>(
  summary: Summary<R>,
  name: (row: R) => string | null,
): void {
  const head = summary.dryRun ? "Chạy thử, chưa ghi / Dry run, nothing written" : summary.status;
  const counts = Object.entries(actionWords)
    .filter(([action]) => summary.counts[action as Action] !== undefined)
    .map(([action, words]) => `${words} ${summary.counts[action as Action]}`);
  process.stdout.write(`${head}: ${counts.join(", ")}\n`);
  for (const r of summary.rows) {
    if (r.action === "unchanged") continue;
    process.stdout.write(`  dòng / row ${r.row} ${name(r) ?? "?"}: ${actionWords[r.action]}\n`);
    for (const i of r.issues) process.stdout.write(`    ${i.path}: ${i.message} / ${i.message_en}\n`);
  }
}
