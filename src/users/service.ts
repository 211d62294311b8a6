import { eq } from "drizzle-orm";
import { assertManagesUser, managedUsers, manages } from "../access/managed-users.ts";
import { assertUnitInScope, type Principal, type Role } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { hashPassword } from "../auth/secrets.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db, Tx } from "../db/client.ts";
import { units, userGrants, users } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, conflict, fieldIssue, invalid } from "../errors/app-error.ts";
import { unitsByCodes } from "../units/service.ts";
import { minPasswordLength } from "./schema.ts";

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  locale?: "vi" | "en";
  grants: { role: Role; unitCode: string }[];
}

/** The password rule of every way a user is created (the API, the CLI, the first run). */
export function assertPasswordLength(password: string): void {
  if (password.length < minPasswordLength) {
    throw invalid(
      fieldIssue(
        "password",
        `Mật khẩu phải có ít nhất ${minPasswordLength} ký tự`,
        `The password needs at least ${minPasswordLength} characters`,
      ),
    );
  }
}

async function resolveGrantUnits(conn: Conn, grants: NewUser["grants"]) {
  const codes = [...new Set(grants.map((g) => g.unitCode))];
  // A grant names the unit holding the code today (codes are reused across time).
  const byCode = await unitsByCodes(conn, codes, {
    on: clock.today(),
    path: (c) => `grants.${grants.findIndex((g) => g.unitCode === c)}.unitCode`,
  });
  const missing = grants.findIndex((g) => !byCode.has(g.unitCode));
  if (missing >= 0) {
    const code = grants[missing]?.unitCode;
    throw invalid(
      fieldIssue(`grants.${missing}.unitCode`, `Không có đơn vị mã ${code}`, `No unit with code ${code}`),
    );
  }
  return grants.map((g) => ({ role: g.role, unit: byCode.get(g.unitCode) as typeof units.$inferSelect }));
}

/**
 * Creates a user. `by` is the admin doing it (each grant must lie in the admin's scope), or
 * null when the CLI or the demo loader does it on the operator's authority.
 */
export async function createUser(db: Db, actor: Actor, by: Principal | null, input: NewUser) {
  assertPasswordLength(input.password);
  const grants = await resolveGrantUnits(db, input.grants);
  const today = clock.today();
  if (by) for (const g of grants) await assertUnitInScope(db, by, ["admin"], g.unit, today);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertUser(tx, actor, { ...input, passwordHash, grants }));
}

/**
 * Inserts a user and its grants with the audit row, inside the caller's transaction; 409 when
 * the username is taken. The password is already hashed (null: none yet, the users import gives
 * a password link instead) and the grants' units resolved.
 */
export async function insertUser(
  tx: Tx,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    passwordHash: string | null;
    email?: string | null;
    locale?: "vi" | "en";
    grants: { role: Role; unit: typeof units.$inferSelect }[];
  },
) {
  const username = nfc(input.username.trim().toLowerCase());
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (existing) throw conflict("người dùng", "user", username);
  const [user] = await tx
    .insert(users)
    .values({
      username,
      displayName: nfc(input.displayName),
      passwordHash: input.passwordHash,
      email: input.email ?? null,
      locale: input.locale ?? "vi",
    })
    .returning();
  if (!user) throw new AppError("INTERNAL");
  const grants = input.grants;
  if (grants.length) {
    await tx
      .insert(userGrants)
      .values(grants.map((g) => ({ userId: user.id, role: g.role, unitId: g.unit.id })));
  }
  const after = {
    username,
    displayName: user.displayName,
    ...(user.email ? { email: user.email } : {}),
    grants: grants.map((g) => ({ role: g.role, unit: g.unit.code })),
  };
  await recordAudit(tx, actor, { action: "create", objectType: "user", objectId: user.id, after });
  return { id: user.id, ...after };
}

/** The users `by` manages (access/managed-users.ts), or every user for the operator (null). */
export async function listUsers(conn: Conn, by: Principal | null) {
  const managed = by ? await managedUsers(conn, by, clock.today()) : "all";
  const rows = (await conn.select().from(users).orderBy(users.username)).filter((u) =>
    manages(managed, u.id),
  );
  const grants = await conn
    .select({ userId: userGrants.userId, role: userGrants.role, unitCode: units.code })
    .from(userGrants)
    .innerJoin(units, eq(units.id, userGrants.unitId));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale,
    active: u.active,
    grants: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, unitCode: g.unitCode })),
  }));
}

/**
 * Replaces a user's grants. `by` is the admin doing it: each new grant, and each grant taken
 * away, must lie in the admin's scope.
 */
export async function setUserGrants(
  db: Db,
  actor: Actor,
  by: Principal,
  userId: number,
  input: NewUser["grants"],
): Promise<void> {
  const grants = await resolveGrantUnits(db, input);
  const today = clock.today();
  for (const g of grants) await assertUnitInScope(db, by, ["admin"], g.unit, today);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user)
      throw new AppError("NOT_FOUND", { object: { vi: `người dùng ${userId}`, en: `user ${userId}` } });
    await assertManagesUser(tx, by, user, today);
    const before = await tx
      .select({ role: userGrants.role, unit: units.code, unitRow: units })
      .from(userGrants)
      .innerJoin(units, eq(units.id, userGrants.unitId))
      .where(eq(userGrants.userId, userId));
    for (const g of before) await assertUnitInScope(tx, by, ["admin"], g.unitRow, today);
    const unique = new Map(grants.map((g) => [`${g.role}@${g.unit.id}`, g]));
    await tx.delete(userGrants).where(eq(userGrants.userId, userId));
    if (unique.size) {
      await tx
        .insert(userGrants)
        .values([...unique.values()].map((g) => ({ userId, role: g.role, unitId: g.unit.id })));
    }
    await recordAudit(tx, actor, {
      action: "grant",
      objectType: "user",
      objectId: userId,
      before: { grants: before.map((g) => ({ role: g.role, unit: g.unit })) },
      after: { grants: [...unique.values()].map((g) => ({ role: g.role, unit: g.unit.code })) },
    });
  });
}

/** Activates or deactivates a user `by` manages (null: the operator, on any user). */
export async function setUserActive(
  db: Db,
  actor: Actor,
  by: Principal | null,
  userId: number,
  active: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before)
      throw new AppError("NOT_FOUND", { object: { vi: `người dùng ${userId}`, en: `user ${userId}` } });
    if (by) await assertManagesUser(tx, by, before, clock.today());
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: active ? "activate" : "deactivate",
      objectType: "user",
      objectId: userId,
      before: { active: before.active },
      after: { active },
    });
  });
}
