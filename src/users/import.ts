/**
 * Loading a province's users from a file (issue 12): each row (username, full name, e-mail, role,
 * unit code) is previewed as `create`, `unchanged` (the user is stored exactly so: same name,
 * e-mail and only this grant) or `rejected` (with the field and why), then, unless it is a dry
 * run and only when no row is rejected, the new users are written in ONE transaction through
 * `insertUser`, the audited write of POST /api/users, each with no password and a one-time
 * password link (auth/password-links.ts) that the answer carries, once. A stored user that
 * differs from its row is rejected, never changed. A second import of the same file finds every
 * row unchanged and writes nothing, not even an audit row.
 */
import { eq, sql } from "drizzle-orm";
import { type Principal, requireRole, unitInScope } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import { issuePasswordLink, type PasswordLink } from "../auth/password-links.ts";
import * as clock from "../config/clock.ts";
import { textArray } from "../db/arrays.ts";
import type { Db, Tx } from "../db/client.ts";
import { units, userGrants, users } from "../db/schema/index.ts";
import { type ImportRow, type ImportSummary, rejectRow, summarise } from "../files/import-rows.ts";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";
import { unitsByCodes } from "../units/service.ts";
import { type UserFileRow, type UserRow, userRowSchema } from "./import-file.ts";
import { insertUser } from "./service.ts";

export interface UserImportRow extends ImportRow {
  username: string | null;
}

export interface UserImportSummary extends ImportSummary<UserImportRow> {
  /** The password link of each created user; empty in a dry run or when nothing is written. */
  links: PasswordLink[];
}

interface StoredUser {
  displayName: string;
  email: string | null;
  grants: string[];
}

async function storedUsers(tx: Tx, usernames: string[]): Promise<Map<string, StoredUser>> {
  if (usernames.length === 0) return new Map();
  const rows = await tx
    .select({
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: userGrants.role,
      unitCode: units.code,
    })
    .from(users)
    .leftJoin(userGrants, eq(userGrants.userId, users.id))
    .leftJoin(units, eq(units.id, userGrants.unitId))
    .where(sql`${users.username} = any(${textArray(usernames)}::text[])`);
  const out = new Map<string, StoredUser>();
  for (const r of rows) {
    const s = out.get(r.username) ?? { displayName: r.displayName, email: r.email, grants: [] };
    if (r.role && r.unitCode) s.grants.push(`${r.role}@${r.unitCode}`);
    out.set(r.username, s);
  }
  return out;
}

/** The first field where a stored user differs from its row, or null when it is the same. */
function difference(row: UserRow, s: StoredUser): { field: string; stored: string } | null {
  if (row.displayName !== s.displayName) return { field: "displayName", stored: s.displayName };
  if ((row.email ?? null) !== s.email) return { field: "email", stored: s.email ?? "" };
  const grant = `${row.role}@${row.unitCode}`;
  if (s.grants.length !== 1 || s.grants[0] !== grant) return { field: "role", stored: s.grants.join(", ") };
  return null;
}

/**
 * Previews and (unless `dryRun`) writes a user list, all or nothing. `principal` null is the
 * operator at the command line (`chiso users import`); an admin imports users only into units in
 * its admin scope today (the same rule as POST /api/users).
 */
export async function importUsers(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  fileRows: UserFileRow[],
  options: { dryRun: boolean },
): Promise<UserImportSummary> {
  if (principal) requireRole(principal, ["admin"]);
  return db.transaction(async (tx) => {
    // Two imports at once would both see a username as new; the second waits, then sees it stored.
    if (!options.dryRun) await tx.execute(sql`lock table users in share row exclusive mode`);
    const today = clock.today();
    const out: UserImportRow[] = [];
    const parsed = new Map<string, { row: UserRow; out: UserImportRow }>();
    for (const fileRow of fileRows) {
      const o: UserImportRow = {
        row: fileRow.row,
        username: fileRow.fields.username?.toLowerCase() ?? null,
        action: "create",
        issues: [],
      };
      out.push(o);
      const result = userRowSchema.safeParse(fileRow.fields);
      if (!result.success) {
        o.action = "rejected";
        o.issues.push(...zodIssuesToFieldIssues(result.error.issues, `rows.${fileRow.row}`));
        continue;
      }
      const first = parsed.get(result.data.username);
      if (first) {
        rejectRow(
          o,
          "username",
          `Tên đăng nhập ${result.data.username} đã có ở dòng ${first.out.row}`,
          `Username ${result.data.username} is already on row ${first.out.row}`,
        );
      } else {
        parsed.set(result.data.username, { row: result.data, out: o });
      }
    }

    const entries = [...parsed.values()];
    const unitOf = await unitsByCodes(
      tx,
      entries.map((e) => e.row.unitCode),
      { on: today, path: (c) => `rows.${entries.findIndex((e) => e.row.unitCode === c)}.unitCode` },
    );
    const inScope = new Map<number, boolean>();
    for (const { row, out: o } of entries) {
      const unit = unitOf.get(row.unitCode);
      if (!unit) {
        rejectRow(o, "unitCode", `Không có đơn vị mã ${row.unitCode}`, `No unit with code ${row.unitCode}`);
        continue;
      }
      if (!principal) continue;
      if (!inScope.has(unit.id))
        inScope.set(unit.id, await unitInScope(tx, principal, ["admin"], unit.id, today));
      if (!inScope.get(unit.id)) {
        rejectRow(
          o,
          "unitCode",
          `Đơn vị ${unit.code} ngoài phạm vi quản trị của bạn`,
          `Unit ${unit.code} is outside your admin scope`,
        );
      }
    }

    const stored = await storedUsers(tx, [...parsed.keys()]);
    for (const { row, out: o } of entries) {
      const s = stored.get(row.username);
      if (!s || o.action === "rejected") continue;
      const diff = difference(row, s);
      if (diff) {
        rejectRow(
          o,
          diff.field,
          `Người dùng ${row.username} đã có với giá trị khác (${diff.stored || "trống"}); việc nhập không sửa người dùng đã có`,
          `User ${row.username} is stored with another value (${diff.stored || "empty"}); an import does not change stored users`,
        );
      } else {
        o.action = "unchanged";
      }
    }

    const summary: UserImportSummary = { ...summarise(out, options.dryRun), links: [] };
    if (summary.status === "ERROR" || options.dryRun) return summary;
    for (const { row, out: o } of entries) {
      const unit = unitOf.get(row.unitCode);
      if (o.action !== "create" || !unit) continue;
      const created = await insertUser(tx, actor, {
        username: row.username,
        displayName: row.displayName,
        email: row.email ?? null,
        passwordHash: null,
        grants: [{ role: row.role, unit }],
      });
      summary.links.push(await issuePasswordLink(tx, actor, created));
    }
    return summary;
  });
}
