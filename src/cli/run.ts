import { parseArgs } from "node:util";
import { startClockAt } from "../config/clock.ts";
import { loadConfig } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";
import { type Command, commands } from "./commands.ts";
import { CliStop } from "./stop.ts";

const header = "chiso — nền tảng theo dõi chuyển đổi số / digital-transformation tracking";
const groups = new Set(["user", "users", "rollups", "units", "setup"]);

/** The whole help: every command's lines, in the order they are declared. */
export const help = () =>
  `${header}\n\nLệnh / Commands:\n${Object.values(commands)
    .map((c) => c.usage)
    .join("\n")}\n`;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** `chiso report`, `chiso units import`: the command's name as typed, and what is left of argv. */
function named(argv: readonly string[]): { name: string; rest: string[] } {
  const [first = "", ...rest] = argv;
  if (!groups.has(first)) return { name: first, rest };
  const [second = "", ...after] = rest;
  return { name: `${first} ${second}`.trim(), rest: after };
}

/** Node's parseArgs error as one line: the option it names, in both languages. */
function badOption(error: NodeJS.ErrnoException): string {
  const what = /'([^']+)'/.exec(error.message)?.[1] ?? error.message;
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `không có tùy chọn ${what} / unknown option ${what}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `tùy chọn ${what.split(" ")[0]} cần một giá trị / option ${what.split(" ")[0]} needs a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `thừa đối số ${what} / unexpected argument ${what}`;
    default:
      return error.message;
  }
}

/** A file the command could not open, as one line. */
function fileProblem(error: NodeJS.ErrnoException): string | null {
  if (!error.path) return null;
  const why: Record<string, [string, string]> = {
    ENOENT: ["không có tệp hoặc thư mục này", "no such file or directory"],
    EACCES: ["không có quyền đọc hoặc ghi", "permission denied"],
    EISDIR: ["đây là một thư mục", "it is a directory"],
    ENOTDIR: ["một phần của đường dẫn không phải thư mục", "a part of the path is not a directory"],
  };
  const [vi, en] = why[error.code ?? ""] ?? [error.code ?? "lỗi", error.code ?? "error"];
  return `${error.path}: ${vi} / ${en}`;
}

async function runCommand(command: Command, rest: string[], io: Output): Promise<number> {
  const options = { ...command.options, help: { type: "boolean", short: "h" } } as const;
  const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
  if (values.help) {
    io.out(`Cách dùng / Usage:\n${command.usage}\n`);
    return 0;
  }
  return command.run(values as Record<string, unknown>, positionals);
}

/**
 * Runs one command line: 0 when done, 1 when the work was refused (a rejected row, a held
 * database, a missing file), 2 when the command was called wrongly. Every error is one line on
 * standard error; an unexpected one says how to see its stack.
 */
export async function runCli(argv: readonly string[], io: Output): Promise<number> {
  const { clockStart } = loadConfig();
  if (clockStart) {
    startClockAt(clockStart);
    io.err(
      `chiso: đồng hồ bắt đầu từ / the clock starts at ${clockStart.toISOString()} (CHISO_CLOCK_START)\n`,
    );
  }
  const { name, rest } = named(argv);
  if (name === "" || name === "help" || name === "--help" || name === "-h") {
    io.out(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`chiso: không có lệnh «${name}» / unknown command «${name}» (chiso help)\n`);
    return 2;
  }
  const hint = `(chiso ${name} --help)`;
  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    return reportError(error, `chiso ${name}`, hint, io);
  }
}

function reportError(error: unknown, who: string, hint: string, io: Output): number {
  if (error instanceof CliStop) {
    io.err(error.exitCode === 2 ? `${who}: ${error.line} ${hint}\n` : `${error.line}\n`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    io.err(`Lỗi: ${error.messageVi}\nError: ${error.messageEn}\n`);
    for (const d of error.details) io.err(`  ${d.path}: ${d.message} / ${d.message_en}\n`);
    return 1;
  }
  const e = error as NodeJS.ErrnoException;
  if (e instanceof TypeError && e.code?.startsWith("ERR_PARSE_ARGS")) {
    io.err(`${who}: ${badOption(e)} ${hint}\n`);
    return 2;
  }
  const file = fileProblem(e);
  if (file) {
    io.err(`${who}: ${file}\n`);
    return 1;
  }
  if (process.env.CHISO_DEBUG) throw error;
  io.err(
    `${who}: lỗi không lường trước / unexpected error: ${e?.message ?? String(error)} (CHISO_DEBUG=1: chi tiết / the stack)\n`,
  );
  return 1;
}
