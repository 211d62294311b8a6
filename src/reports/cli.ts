import { writeFileSync } from "node:fs";
import { withDatabase } from "../cli/database.ts";
import { apiPath } from "../cli/stop.ts";
import { missing, oneOf } from "../cli/usage.ts";
import { REPORT_FORMATS, type ReportFormat } from "./render/index.ts";
import { planReport } from "./service.ts";
import { REPORT_LANGS, type ReportLang } from "./templates/index.ts";

/**
 * `chiso report`: the plan report for a month, with the system's authority (the CLI is run by
 * whoever runs the server). Markdown goes to standard output unless -o is given; the binary
 * formats go to -o or, without it, to their usual file name in the current directory.
 */
export async function reportCommand(values: Record<string, unknown>): Promise<number> {
  const plan = values.plan as string | undefined;
  const period = values.period as string | undefined;
  if (!plan || !period) throw missing({ "--plan": plan, "--period": period });
  const format = oneOf<ReportFormat>("--format", values.format, REPORT_FORMATS, "md");
  const lang = oneOf<ReportLang>("--lang", values.lang, REPORT_LANGS, "vi");
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
