/**
 * PostgreSQL's own pg_dump and pg_restore. pg_dump refuses a server newer than itself, so the
 * tool is taken from CHISO_PG_BIN, else Debian's folder for the server's major version
 * (/usr/lib/postgresql/N/bin, when postgresql-client-N is installed), else the PATH; an older
 * one stops with what to install.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CliStop } from "../cli/stop.ts";
import { backupMessages as m } from "./messages.ts";

export type PgTool = "pg_dump" | "pg_restore";

function toolPath(tool: PgTool, serverMajor: number, env = process.env): string {
  if (env.CHISO_PG_BIN) return join(env.CHISO_PG_BIN, tool);
  const debian = `/usr/lib/postgresql/${serverMajor}/bin/${tool}`;
  return existsSync(debian) ? debian : tool;
}

/** The tool for a server of `serverMajor`, checked not older than it. */
export function pgTool(tool: PgTool, serverMajor: number): string {
  const path = toolPath(tool, serverMajor);
  const version = spawnSync(path, ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) throw new CliStop(m.toolMissing(tool));
  const major = Number.parseInt(/(\d+)(\.\d+)?/.exec(version.stdout)?.[1] ?? "0", 10);
  if (major < serverMajor) throw new CliStop(m.toolTooOld(tool, major, serverMajor));
  return path;
}

/**
 * The connection as libpq's environment: the password stays out of the command line (which
 * other users of the machine can read); the rest of the URL (host, port, sslmode…) is passed as is.
 */
export function connectionEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs the tool; its error output becomes a one-line stop when it fails. */
export function runPgTool(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const tool = path.split("/").at(-1) ?? path;
      if (code === 0) resolve();
      else reject(new CliStop(m.toolFailed(tool, stderr.trim().split("\n").slice(-3).join(" | "))));
    });
  });
}

/** The server's major version (15 for 15.20). */
export async function serverMajor(
  rows: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<number> {
  const [row] = await rows("select current_setting('server_version_num')::int / 10000 as major");
  return Number(row?.major);
}
