import { and, count, eq, gt, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { apiTokens, loginFailures, sessions, users } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { loadPrincipal, principalWhere } from "../users/principal-loader.ts";
import { hashPassword, newSecret, sha256, verifyPassword } from "./secrets.ts";
import { cachedSessionPrincipal } from "./session-cache.ts";

/** Failed logins tolerated in the window, per username and per address. */
export const loginLimits = { windowMinutes: 15, perUsername: 5, perIp: 30 };

// Compared against when the username does not exist, so both paths cost one argon2 verify.
const dummyHash = hashPassword("chiso-not-a-password");

/**
 * Counts this attempt before the password is checked: its row is written (and committed) first,
 * then the attempts in the window are counted, so of N parallel attempts the k-th to be written
 * sees at least k rows and at most the limit go on to a password check. The row stays as the
 * failure if the password is wrong; a successful login clears the username's rows; an attempt
 * refused here removes its own row, so being refused does not prolong the lockout.
 */
async function reserveAttempt(db: Db, username: string, ip: string, now: Date): Promise<void> {
  const [mine] = await db
    .insert(loginFailures)
    .values({ username, ip, at: now })
    .returning({ id: loginFailures.id });
  const since = new Date(now.getTime() - loginLimits.windowMinutes * 60_000);
  const inWindow = (who: SQL) =>
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(who, gt(loginFailures.at, since)));
  const [[byUser], [byIp]] = [
    await inWindow(eq(loginFailures.username, username)),
    await inWindow(eq(loginFailures.ip, ip)),
  ];
  if ((byUser?.n ?? 0) > loginLimits.perUsername || (byIp?.n ?? 0) > loginLimits.perIp) {
    if (mine) await db.delete(loginFailures).where(eq(loginFailures.id, mine.id));
    throw new AppError("TOO_MANY_ATTEMPTS", { retryAfterSeconds: loginLimits.windowMinutes * 60 });
  }
}

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  principal: Principal;
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null; sessionHours: number },
): Promise<LoginResult> {
  const username = nfc(input.username.trim().toLowerCase());
  const now = clock.now();
  await reserveAttempt(db, username, input.ip, now);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !ok || !user.active) throw new AppError("INVALID_CREDENTIALS");
  const principal = await loadPrincipal(db, user.id);
  if (!principal) throw new AppError("INVALID_CREDENTIALS");
  const sessionToken = newSecret("cs");
  const expiresAt = new Date(now.getTime() + input.sessionHours * 3_600_000);
  const actor: Actor = { userId: user.id, name: user.username, ip: input.ip };
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.username, username));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, actor, { action: "login", objectType: "user", objectId: user.id });
  });
  return { sessionToken, expiresAt, principal };
}

export async function logout(db: Db, sessionToken: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, sha256(sessionToken)))
      .returning({ userId: sessions.userId });
    if (gone.length > 0) {
      await recordAudit(tx, actor, { action: "logout", objectType: "user", objectId: gone[0]?.userId ?? "" });
    }
  });
}

export function principalFromSession(conn: Conn, sessionToken: string): Promise<Principal | null> {
  const tokenHash = sha256(sessionToken);
  return cachedSessionPrincipal(tokenHash, () =>
    principalWhere(
      conn,
      sql`from sessions s join users u on u.id = s.user_id
           where s.token_hash = ${tokenHash} and s.expires_at > ${clock.now()}`,
    ),
  );
}

export async function principalFromApiToken(conn: Conn, token: string): Promise<Principal | null> {
  const now = clock.now();
  const [row] = await conn
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return null;
  await conn.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return loadPrincipal(conn, row.userId);
}

export async function createApiToken(
  db: Db,
  actor: Actor & { userId: number },
  input: { name: string; expiresAt?: Date },
): Promise<{ id: number; token: string; name: string; expiresAt: Date | null }> {
  if (input.expiresAt && input.expiresAt.getTime() <= clock.nowMs()) {
    throw invalid(
      fieldIssue("expiresAt", "Thời hạn phải ở trong tương lai", "The expiry must be in the future"),
    );
  }
  const token = newSecret("cst");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: nfc(input.name),
        tokenHash: sha256(token),
        expiresAt: input.expiresAt,
      })
      .returning();
    if (!row) throw new Error("token insert returned nothing");
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "api_token",
      objectId: row.id,
      after: { name: row.name, expiresAt: row.expiresAt },
    });
    return { id: row.id, token, name: row.name, expiresAt: row.expiresAt };
  });
}

export async function listApiTokens(conn: Conn, userId: number) {
  return conn
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
}

export async function revokeApiToken(db: Db, actor: Actor & { userId: number }, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(apiTokens)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (done.length === 0)
      throw new AppError("NOT_FOUND", { object: { vi: `mã truy cập ${id}`, en: `token ${id}` } });
    await recordAudit(tx, actor, { action: "revoke", objectType: "api_token", objectId: id });
  });
}
