import { readFileSync } from "node:fs";
import type { Config } from "../config/config.ts";

/**
 * A command that cannot go on and says so in one line (Vietnamese / English), with no stack
 * trace: main prints the line to standard error and exits with `exitCode`.
 */
export class CliStop extends Error {
  constructor(
    readonly line: string,
    readonly exitCode = 1,
  ) {
    super(line);
  }
}

/** The HTTP request that does what a command does, for when the server holds the database. */
export interface ApiEquivalent {
  method: "GET" | "POST";
  /** Path and query under the server's root, e.g. `/api/plans/KH/report?period=202309`. */
  path: string;
}

/** `GET /api/plans/KH%2F1/report?period=…`: path segments and query values URL-encoded. */
export function apiPath(
  segments: string[],
  query: Record<string, string | string[] | undefined> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  const text = search.toString();
  return `/api/${segments.map(encodeURIComponent).join("/")}${text ? `?${text}` : ""}`;
}

export function noDatabase(dataDir: string): CliStop {
  return new CliStop(
    `Không có cơ sở dữ liệu tại ${dataDir}: chạy \`npm start\` (dữ liệu mẫu) hoặc \`chiso init\`, hoặc đặt CHISO_DATA_DIR hay DATABASE_URL / ` +
      `No database at ${dataDir}: run \`npm start\` (demo data) or \`chiso init\`, or set CHISO_DATA_DIR or DATABASE_URL`,
  );
}

/** Whether process `pid` is a chiso server (`chiso serve`, `npm start`), where /proc says so. */
function isServer(pid: number | string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return args.includes("serve");
  } catch {
    return false;
  }
}

/** The embedded database is held by another process: stop it, or ask the server over HTTP. */
export function dataDirLocked(
  config: Pick<Config, "dataDir" | "host" | "port">,
  pid: number | string,
  api?: ApiEquivalent,
): CliStop {
  const server = isServer(pid);
  const holderVi = server
    ? `máy chủ chiso (pid ${pid})`
    : `tiến trình khác (pid ${pid}, có thể là máy chủ chiso)`;
  const holderEn = server
    ? `the chiso server (pid ${pid})`
    : `another process (pid ${pid}, perhaps the chiso server)`;
  const url = api && `${api.method} http://${config.host}:${config.port}${api.path}`;
  return new CliStop(
    `Thư mục dữ liệu ${config.dataDir} đang được ${holderVi} dùng: dừng tiến trình đó rồi chạy lại lệnh` +
      (url ? `, hoặc gọi API của máy chủ (đã đăng nhập): ${url}` : "") +
      ` / The data directory ${config.dataDir} is in use by ${holderEn}: stop it and run the command again` +
      (url ? `, or call the server's API (signed in): ${url}` : ""),
  );
}
