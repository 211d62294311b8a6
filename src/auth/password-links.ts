/**
 * One-time password-setting links. A user created by the users import has no password: it gets a
 * link instead, and an admin may issue a fresh one later (which ends the earlier ones). The link
 * carries a random token after `#` (so it stays out of server logs); only its SHA-256 is stored.
 * It sets a password once, within `passwordLinkDays`, for an active user.
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { assertManagesUser } from "../access/managed-users.ts";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db, Tx } from "../db/client.ts";
import { passwordLinks, sessions, users } from "../db/schema/index.ts";
import { AppError } from "../errors/app-error.ts";
import { assertPasswordLength } from "../users/service.ts";
import { hashPassword, newSecret, sha256 } from "./secrets.ts";

export const passwordLinkDays = 7;

export interface PasswordLink {
  username: string;
  /** The path of the web page with the token, to put after the server's address. */
  path: string;
  expiresAt: Date;
}

/** The web page's path for a token. */
export const passwordLinkPath = (token: string): string => `/set-password#${token}`;

/** A new link for the user, inside the caller's transaction; earlier unused links end now. */
export async function issuePasswordLink(
  tx: Tx,
  actor: Actor,
  user: { id: number; username: string },
): Promise<PasswordLink> {
  const now = clock.now();
  await tx
    .update(passwordLinks)
    .set({ expiresAt: now })
    .where(
      and(eq(passwordLinks.userId, user.id), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now)),
    );
  const token = newSecret("cspw");
  const expiresAt = new Date(now.getTime() + passwordLinkDays * 86_400_000);
  await tx
    .insert(passwordLinks)
    .values({ userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt });
  await recordAudit(tx, actor, {
    action: "password_link",
    objectType: "user",
    objectId: user.id,
    after: { expiresAt: expiresAt.toISOString() },
  });
  return { username: user.username, path: passwordLinkPath(token), expiresAt };
}

/**
 * A fresh link for a user (by id or username) that `by` manages (null: the operator, for anyone);
 * 404 for no such user.
 */
export async function freshPasswordLink(
  db: Db,
  actor: Actor,
  by: Principal | null,
  who: number | string,
): Promise<PasswordLink> {
  return db.transaction(async (tx) => {
    const where = typeof who === "number" ? eq(users.id, who) : eq(users.username, who);
    const [user] = await tx.select().from(users).where(where);
    if (!user) {
      throw new AppError("NOT_FOUND", { object: { vi: `người dùng ${who}`, en: `user ${who}` } });
    }
    if (by) await assertManagesUser(tx, by, user, clock.today());
    return issuePasswordLink(tx, actor, user);
  });
}

/**
 * Sets the password of the link's user and uses the link up, in one statement (two requests
 * with the same link: one wins). 410 PASSWORD_LINK_INVALID when the link is unknown, used,
 * expired, or its user deactivated. The user's sessions end.
 */
export async function setPasswordWithLink(
  db: Db,
  input: { token: string; password: string; ip: string },
): Promise<{ username: string }> {
  assertPasswordLength(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [used] = await tx
      .update(passwordLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordLinks.tokenHash, sha256(input.token)),
          isNull(passwordLinks.usedAt),
          gt(passwordLinks.expiresAt, now),
          sql`exists (select 1 from users u where u.id = ${passwordLinks.userId} and u.active)`,
        ),
      )
      .returning({ userId: passwordLinks.userId });
    if (!used) throw new AppError("PASSWORD_LINK_INVALID");
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, username: users.username });
    if (!user) throw new AppError("PASSWORD_LINK_INVALID");
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const actor: Actor = { userId: user.id, name: user.username, ip: input.ip };
    await recordAudit(tx, actor, { action: "set_password", objectType: "user", objectId: user.id });
    return { username: user.username };
  });
}
