import { withDatabase } from "../cli/database.ts";
import { endProgress, progressPrinter } from "../cli/progress.ts";
import { rebuildRollups } from "./rollup-rebuild.ts";

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
