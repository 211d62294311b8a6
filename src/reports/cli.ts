import { writeFileSync } from "node:fs";
import { withDatabase } from "../cli/database.ts";
import { apiPath } from "../cli/stop.ts";
import { REPORT_FORMATS, type ReportFormat } from "./render/index.ts";
import { planReport } from "./service.ts";
import { REPORT_LANGS, type ReportLang } from "./templates/index.ts";

const usage =
  "Cách dùng / Usage: chiso report --plan CODE --period 202309 [--format md|docx|pdf|xlsx] [--lang vi|en] [-o FILE]\n";

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | null {
  if (value === undefined) return fallback;
  return allowed.includes(value as T) ? (value as T) : null;
}

/**
 * `chiso report`: the plan report for a month, with the system's authority (the CLI is run by
 * whoever runs the server). Markdown goes to standard output unless -o is given; the binary
 * formats go to -o or, without it, to their usual file name in the current directory.
 */
export async function reportCommand(values: Record<string, unknown>): Promise<number> {
  const plan = values.plan as string | undefined;
  const period = values.period as string | undefined;
  const format = oneOf<ReportFormat>(values.format, REPORT_FORMATS, "md");
  const lang = oneOf<ReportLang>(values.lang, REPORT_LANGS, "vi");
  if (!plan || !period || format === null || lang === null) {
    process.stderr.write(usage);
    return 2;
  }
  const started = performance.now();
  const report = await withDatabase((database) => planReport(database.db, null, plan, period, format, lang), {
    readOnly: true,
    api: { method: "GET", path: apiPath(["plans", plan, "report"], { period, format, lang }) },
  });
  const output = (values.output as string | undefined) ?? (format === "md" ? null : report.fileName);
  if (output === null) {
    process.stdout.write(report.body);
    return 0;
  }
  writeFileSync(output, report.body);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`Đã ghi / Wrote ${output} (${Buffer.byteLength(report.body)} bytes, ${ms} ms)\n`);
  return 0;
}
