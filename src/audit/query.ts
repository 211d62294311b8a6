import { and, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";

export interface AuditFilter {
  objectType?: string;
  objectId?: string;
  action?: string;
  userId?: number;
  from?: Date;
  to?: Date;
  /** Only rows written by these users (an admin below the province reads the users it manages). */
  actors?: number[];
  /** Return rows with an id below this (paging backwards in time). */
  before?: number;
  limit: number;
}

function matching(f: Omit<AuditFilter, "limit" | "before">): SQL[] {
  const conditions: SQL[] = [];
  if (f.objectType) conditions.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conditions.push(eq(auditLog.objectId, f.objectId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.userId !== undefined) conditions.push(eq(auditLog.actorUserId, f.userId));
  if (f.actors) conditions.push(inArray(auditLog.actorUserId, f.actors));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, f.to));
  return conditions;
}

/** Reads the audit trail, newest first, filtered by object, action, user and time. */
export async function queryAudit(conn: Conn, f: AuditFilter) {
  const conditions = matching(f);
  if (f.before !== undefined) conditions.push(lt(auditLog.id, f.before));
  return conn
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

/** How many rows of the audit trail the filter matches, on every page. */
export async function countAudit(conn: Conn, f: Omit<AuditFilter, "limit" | "before">): Promise<number> {
  const [row] = await conn
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(...matching(f)));
  return row?.total ?? 0;
}
