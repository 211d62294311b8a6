import { withDatabase } from "../cli/database.ts";
import { endProgress, progressPrinter } from "../cli/progress.ts";
import { rebuildRollups } from "./rollup-rebuild.ts";
import { verifyRollups } from "./rollup-verify.ts";

/** `chiso rollups rebuild`: recomputes every roll-up from the approved values, in one transaction. */
export async function rollupsRebuild(): Promise<number> {
  return withDatabase(async (database) => {
    const started = Date.now();
    const progress = progressPrinter("Roll-ups");
    const result = await rebuildRollups(database.db, {
      onProgress: (done, total) => progress(`${done}/${total} đơn vị / units`),
    });
    endProgress();
    process.stdout.write(
      `Đã tính lại số liệu tổng hợp / roll-ups rebuilt: ${result.values} giá trị / values → ${result.rows} dòng / rows, ${Date.now() - started} ms\n`,
    );
    return 0;
  });
}

/**
 * `chiso rollups verify`: the stored roll-ups against a rebuild, one line per differing figure
 * (unit, metric, period, column, stored, expected; tab-separated). Exit code 1 when any differ.
 */
export async function rollupsVerify(): Promise<number> {
  return withDatabase(async (database) => {
    const result = await verifyRollups(database.db);
    if (!result.built) {
      process.stdout.write(
        "Số liệu tổng hợp chưa được tính (chạy chiso migrate) / roll-ups not built yet (run chiso migrate)\n",
      );
      return 1;
    }
    const out = ["đơn vị/unit\tchỉ số/metric\tkỳ/period\tcột/column\tđang lưu/stored\tđúng/expected"];
    for (const d of result.differences)
      out.push([d.unit, d.metric, d.period, d.column, d.stored ?? "-", d.expected ?? "-"].join("\t"));
    const shown =
      result.total > result.differences.length ? ` (${result.differences.length} liệt kê / listed)` : "";
    out.push(`${result.total} khác biệt / differences${shown}, ${result.rows} dòng tính lại / rows rebuilt`);
    process.stdout.write(`${out.join("\n")}\n`);
    return result.total > 0 ? 1 : 0;
  });
}
