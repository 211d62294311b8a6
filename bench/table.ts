/** The benchmark's table on standard output. */
import type { CliResult } from "./cli.ts";
import type { HttpResult } from "./http.ts";
import type { ImportResult } from "./import.ts";
import type { JobLatencyResult } from "./job-latency.ts";
import type { LoadStats } from "./load.ts";
import type { ShapeResult } from "./run.ts";

export interface BenchResult {
  scale: string;
  engine: string;
  dataset: LoadStats | null;
  analytics: ShapeResult[];
  freshnessMs: number | null;
  import: ImportResult | null;
  cli: CliResult | null;
  http: HttpResult | null;
  serverRssMb: number | null;
  jobLatency: JobLatencyResult | null;
  totalSeconds: number;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const int = (n: number) => Math.round(n).toLocaleString("en");

export function printTable(r: BenchResult): void {
  const out: string[] = [];
  out.push(`chiso bench — scale ${r.scale}, ${r.engine}, ${r.totalSeconds.toFixed(0)} s in all`);
  if (r.dataset) {
    const d = r.dataset;
    out.push(
      `dataset: ${int(d.units)} units, ${int(d.reports)} reports, ${int(d.values)} values, ${d.seconds.toFixed(1)} s`,
    );
  }
  if (r.analytics.length > 0) out.push("", ...shapeTable(r.analytics));
  out.push("");
  out.push(
    `freshness (approve → analytics): ${r.freshnessMs === null ? "n/a (not measured, or already approved)" : ms(r.freshnessMs)}`,
  );
  if (r.import) out.push(importLine(r.import));
  if (r.cli) out.push(cliLine(r.cli));
  if (r.http) {
    const h = r.http;
    out.push(
      `http ${h.path} @${h.connections}: ${int(h.requestsPerSecond)} req/s, p99 ${ms(h.p99Ms)}, non-2xx ${h.non2xx}`,
    );
  }
  if (r.jobLatency) out.push(jobLine(r.jobLatency));
  if (r.serverRssMb !== null) out.push(`server resident memory at the end: ${r.serverRssMb.toFixed(0)} MB`);
  for (const a of r.analytics.filter((x) => x.mismatches.length > 0)) {
    out.push(`MISMATCH ${a.name}: ${a.mismatches.slice(0, 5).join("; ")}`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

function shapeTable(analytics: readonly ShapeResult[]): string[] {
  const out = ["| shape | cells | chiso p50 | chiso p95 | SQL p50 | SQL p95 | SQL/chiso | same answer |"];
  out.push("|---|---|---|---|---|---|---|---|");
  for (const a of analytics) {
    const same = a.mismatches.length === 0 ? "yes" : `NO (${a.mismatches.length})`;
    out.push(
      `| ${a.name} | ${a.cells} | ${ms(a.chiso.p50)} | ${ms(a.chiso.p95)} | ${ms(a.sql.p50)} | ${ms(a.sql.p95)} | ${a.speedup.toFixed(2)}× | ${same} |`,
    );
  }
  return out;
}

function importLine(i: ImportResult): string {
  const raw =
    i.rawCopyValuesPerSecond === null ? "n/a (PGlite)" : `${int(i.rawCopyValuesPerSecond)} values/s`;
  return `import: ${int(i.values)} values in ${i.seconds.toFixed(2)} s = ${int(i.valuesPerSecond)} values/s; raw COPY ${raw}; ratio ${i.ratio?.toFixed(2) ?? "n/a"}×`;
}

function jobLine(j: JobLatencyResult): string {
  const { idle, duringImport: during } = j;
  return (
    `background import on PGlite: ${int(j.values)} values in ${j.importSeconds.toFixed(1)} s; GET /api/auth/me every 20 ms: ` +
    `p95 ${ms(during.p95Ms)} (max ${ms(during.maxMs)}, ${during.requests} requests) during the import, ` +
    `${ms(idle.p95Ms)} without; ratio ${j.p95Ratio.toFixed(1)}×`
  );
}

function cliLine(c: CliResult): string {
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  return `cli ${c.command}: p50 ${s(c.chiso.p50)}, p95 ${s(c.chiso.p95)}; PGlite open + one query p50 ${s(c.floor.p50)}; ratio ${c.ratio.toFixed(2)}×`;
}
