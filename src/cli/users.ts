import { readFileSync, statSync, writeFileSync } from "node:fs";
import { systemActor } from "../audit/audit.ts";
import { freshPasswordLink, type PasswordLink } from "../auth/password-links.ts";
import { loadConfig } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";
import { ROW_FILE_MAX_BYTES, rowFileFormat } from "../files/row-file.ts";
import { importUsers } from "../users/import.ts";
import { readUserFile } from "../users/import-file.ts";
import { withDatabase } from "./database.ts";
import { printImportSummary } from "./import-summary.ts";
import { argument } from "./usage.ts";

/**
 * The links as CSV (username, link, expires_at) into `file`, readable by its owner only, or on
 * standard output. Each is the only way in for its user until used: hand it over privately.
 */
function giveLinks(links: PasswordLink[], file: string | undefined): void {
  if (links.length === 0) return;
  const base = loadConfig().publicUrl;
  const lines = links.map((l) => `${l.username},${base}${l.path},${l.expiresAt.toISOString()}`);
  if (file) {
    writeFileSync(file, `username,link,expires_at\n${lines.join("\n")}\n`, { mode: 0o600 });
    process.stdout.write(
      `${links.length} liên kết đặt mật khẩu ghi vào / password links written to ${file} (CHISO_PUBLIC_URL=${base})\n`,
    );
    return;
  }
  process.stdout.write(
    `Liên kết đặt mật khẩu, dùng một lần / One-time password links (CHISO_PUBLIC_URL=${base}):\n`,
  );
  for (const line of lines) process.stdout.write(`  ${line}\n`);
}

/**
 * `chiso users import FILE [--dry-run] [--links OUT.csv]`: users (CSV or .xlsx) through the same
 * checks and audited write as POST /api/users/import, as the operator (src/users/import.ts). Each
 * created user gets a one-time password link. Exit 1 when a row is rejected (nothing is written).
 */
export async function usersImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = argument(positionals);
  if (statSync(file).size > ROW_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const rows = await readUserFile(readFileSync(file), rowFileFormat(file));
  const summary = await withDatabase((database) =>
    importUsers(database.db, systemActor("cli"), null, rows, { dryRun: values["dry-run"] === true }),
  );
  printImportSummary(summary, (r) => r.username);
  giveLinks(summary.links, values.links as string | undefined);
  return summary.status === "ERROR" ? 1 : 0;
}

/** `chiso users password-link USERNAME [--links OUT.csv]`: a fresh link; earlier unused ones end. */
export async function usersPasswordLink(
  values: Record<string, unknown>,
  positionals: string[],
): Promise<number> {
  const username = argument(positionals, "USERNAME");
  const link = await withDatabase((database) =>
    freshPasswordLink(database.db, systemActor("cli"), null, username.toLowerCase()),
  );
  giveLinks([link], values.links as string | undefined);
  return 0;
}
