/**
 * How long each step of the demo report takes, on the configured database (run `chiso demo`
 * first): `npx tsx src/reports/timings.ts [runs]`. Prints the median and the fastest of `runs`
 * runs after one warm-up; a measurement to read, not a test.
 */
import { openMigrated } from "../cli/database.ts";
import { buildPlanReportData } from "../plans/report-data-builder.ts";
import { composeReport } from "./compose.ts";
import { REPORT_FORMATS, renderReport } from "./render/index.ts";
import { loadTemplateSet } from "./store.ts";

async function time(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ median: number; fastest: number }> {
  await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, fastest: ms[0] ?? 0 };
}

const runs = Number.parseInt(process.argv[2] ?? "10", 10);
const database = await openMigrated();
try {
  const db = database.db;
  const data = await buildPlanReportData(db, null, "KH-CDS-2023", "202309");
  const set = await loadTemplateSet(db, "vi");
  const doc = composeReport(data, set);
  const steps: [string, () => Promise<unknown>][] = [
    ["data (buildPlanReportData)", () => buildPlanReportData(db, null, "KH-CDS-2023", "202309")],
    ["templates (loadTemplateSet)", () => loadTemplateSet(db, "vi")],
    ["words (composeReport)", async () => composeReport(data, set)],
    ...REPORT_FORMATS.map((f): [string, () => Promise<unknown>] => [
      `render ${f}`,
      () => renderReport(doc, f),
    ]),
  ];
  process.stdout.write(`${database.kind}, ${runs} runs\n`);
  for (const [name, work] of steps) {
    const { median, fastest } = await time(runs, work);
    process.stdout.write(
      `${name.padEnd(30)} median ${median.toFixed(1).padStart(7)} ms   fastest ${fastest.toFixed(1).padStart(7)} ms\n`,
    );
  }
} finally {
  await database.close();
}
