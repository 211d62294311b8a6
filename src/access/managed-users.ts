import { sql } from "drizzle-orm";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { subtreeIds } from "../units/tree.ts";
import { isProvinceAdmin, type Principal, scopeRoots } from "./principal.ts";

/**
 * The users an admin manages: those every one of whose grants lies in the admin's subtree on
 * `asOf` (the admin itself included). A province admin manages everyone, users without a grant
 * too; anyone else manages nobody. What an admin reads of other users (the user list, their
 * jobs and files, their lines of the audit trail) and whom it may change follows this set.
 */
export async function managedUsers(
  conn: Conn,
  principal: Principal,
  asOf: string,
): Promise<"all" | number[]> {
  const roots = scopeRoots(principal, ["admin"]);
  if (roots.length === 0) return [];
  if (await isProvinceAdmin(conn, principal, asOf)) return "all";
  const subtree = await subtreeIds(conn, roots, asOf);
  const rows = await queryRows<{ id: number }>(
    conn,
    sql`select user_id as id from user_grants group by user_id
        having bool_and(unit_id = any(${intArray(subtree)}::int[]))`,
  );
  return rows.map((r) => r.id);
}

/** True when `userId` is among `managed` (the answer of managedUsers). */
export const manages = (managed: "all" | number[], userId: number): boolean =>
  managed === "all" || managed.includes(userId);

/** 403 USER_OUT_OF_SCOPE unless the admin manages the user. */
export async function assertManagesUser(
  conn: Conn,
  principal: Principal,
  user: { id: number; username: string },
  asOf: string,
): Promise<void> {
  if (!manages(await managedUsers(conn, principal, asOf), user.id)) {
    throw new AppError("USER_OUT_OF_SCOPE", { user: user.username });
  }
}
