import { sql } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { hashPassword } from "../auth/secrets.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { insertUnits } from "../units/service.ts";
import { assertPasswordLength, insertUser } from "../users/service.ts";
import { type SetupInput, type SetupResult, setupInputSchema } from "./schema.ts";

/** True once the database holds a user or a unit: the first run is over for good. */
export async function isInitialised(conn: Conn): Promise<boolean> {
  const [row] = await queryRows<{ used: boolean }>(
    conn,
    sql`select exists (select 1 from users) or exists (select 1 from units) as used`,
  );
  return row?.used === true;
}

/** 1 January of this year (the server's clock): this year's reports fit in the tree from the first day. */
export function defaultValidFrom(): string {
  return `${clock.today().slice(0, 4)}-01-01`;
}

/**
 * The first run: creates the province (the root of the unit tree) and its first admin (an admin
 * grant on it), both audited, in ONE transaction. Refuses with 409 ALREADY_INITIALISED when the
 * database already has a user or a unit; two first runs at once are serialised by a table lock,
 * so exactly one of them succeeds. `chiso init` and POST /api/setup both call this; `at` starts
 * the paths of field problems ("body" for the route).
 */
export async function initialise(db: Db, actor: Actor, raw: SetupInput, at?: string): Promise<SetupResult> {
  const input = parseInput(setupInputSchema, raw, at);
  const validFrom = input.province.validFrom ?? defaultValidFrom();
  if (validFrom > clock.today()) {
    throw invalid(
      fieldIssue(
        [at, "province.validFrom"].filter(Boolean).join("."),
        `Ngày hiệu lực không được sau hôm nay (${clock.today()})`,
        `The start date cannot be after today (${clock.today()})`,
      ),
    );
  }
  assertPasswordLength(input.admin.password);
  // Refuse cheaply before hashing: the route is public and answers 409 forever after.
  if (await isInitialised(db)) throw new AppError("ALREADY_INITIALISED");
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction(async (tx) => {
    // A second first run waits here until the first commits, then finds its user and refuses;
    // any other write to users or units waits too (none can be legitimate before the first admin).
    await tx.execute(sql`lock table users, units in share row exclusive mode`);
    if (await isInitialised(tx)) throw new AppError("ALREADY_INITIALISED");
    const [province] = await insertUnits(tx, actor, [
      {
        code: input.province.code,
        nameVi: input.province.nameVi,
        nameEn: input.province.nameEn ?? null,
        kind: "territorial",
        type: input.province.type,
        parentCode: null,
        validFrom,
      },
    ]);
    if (!province) throw new AppError("INTERNAL");
    const admin = await insertUser(tx, actor, {
      username: input.admin.username,
      displayName: input.admin.displayName,
      passwordHash,
      locale: input.admin.locale,
      grants: [{ role: "admin", unit: province }],
    });
    return {
      province: { code: province.code, nameVi: province.nameVi, validFrom },
      admin: { id: admin.id, username: admin.username },
    };
  });
}
