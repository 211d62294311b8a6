import { writeFileSync } from "node:fs";
import { withDatabase } from "../cli/database.ts";
import { apiPath } from "../cli/stop.ts";
import { needs, oneOf, UsageError } from "../cli/usage.ts";
import type { Conn } from "../db/client.ts";
import { rankingMarkdown } from "./outputs/markdown.ts";
import { ranking } from "./reading.ts";

const FORMATS = ["md", "xlsx", "docx"] as const;
type Format = (typeof FORMATS)[number];

/** The ranking of every group in one format; the CLI acts with the system's authority. */
export async function renderRanking(
  conn: Conn,
  code: string,
  format: Format,
  group?: string,
): Promise<string | Buffer> {
  const view = await ranking(conn, null, code, group);
  // Excel and Word load their libraries only when asked for (a second or more at start-up).
  if (format === "xlsx") return (await import("./outputs/excel.ts")).rankingWorkbook(view);
  if (format === "docx") return (await import("./outputs/docx.ts")).rankingDocx(view);
  return rankingMarkdown(view);
}

/**
 * `chiso ranking --assessment CODE [--format md|xlsx|docx] [--group G] [-o FILE]`: Markdown goes
 * to the terminal unless -o is given; Excel and Word need -o (they are not text).
 */
export async function rankingCommand(values: Record<string, unknown>): Promise<number> {
  const code = values.assessment as string | undefined;
  if (!code) throw needs("--assessment");
  const format = oneOf<Format>("--format", values.format, FORMATS, "md");
  const output = values.output as string | undefined;
  if (format !== "md" && !output) {
    throw new UsageError(`Định dạng ${format} cần -o TỆP / Format ${format} needs -o FILE`);
  }
  const group = values.group as string | undefined;
  const content = await withDatabase((database) => renderRanking(database.db, code, format, group), {
    readOnly: true,
    api: { method: "GET", path: apiPath(["assessments", code, `ranking.${format}`], { group }) },
  });
  if (output) {
    writeFileSync(output, content);
    process.stderr.write(`Đã ghi / Written: ${output}\n`);
  } else {
    process.stdout.write(content);
  }
  return 0;
}
