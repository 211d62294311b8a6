import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { type CopyIn, copyField, inPieces } from "../db/copy.ts";
import { auditLog } from "../db/schema/index.ts";

/** Who is acting: a signed-in user, or the system (CLI, demo loader, migrations). */
export interface Actor {
  userId: number | null;
  name: string;
  ip: string | null;
}

export const systemActor = (name = "system"): Actor => ({ userId: null, name, ip: null });

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Write the audit row; call it inside the transaction that makes the change. */
export async function recordAudit(conn: Conn, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditMany(conn, actor, [entry]);
}

let auditedWrites = 0;

/**
 * How many audited writes this process has made: every write records its audit row, so a
 * process-local cache stamped with this number knows when this process may have changed what
 * it holds (other processes' writes are bounded by the cache's own lifetime instead).
 */
export const writesSoFar = (): number => auditedWrites;

export async function recordAuditMany(conn: Conn, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  auditedWrites += 1;
  const at = clock.now();
  await conn.insert(auditLog).values(
    entries.map((e) => ({
      at,
      actorUserId: actor.userId,
      actorName: actor.name,
      ip: actor.ip,
      action: e.action,
      objectType: e.objectType,
      objectId: String(e.objectId),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

const auditColumns = "(at, actor_user_id, actor_name, ip, action, object_type, object_id, before, after)";

const jsonField = (value: unknown) =>
  copyField(value === undefined || value === null ? null : JSON.stringify(value));

/**
 * As recordAuditMany, for tens of thousands of rows (a bulk load, an import): by COPY, several
 * times cheaper for the server than binding eight parameters a row.
 */
export async function recordAuditBulk(
  copy: CopyIn,
  actor: Actor,
  entries: AuditEntry[],
  table = "audit_log",
) {
  if (entries.length === 0) return;
  auditedWrites += 1;
  const who = `${clock.now().toISOString()}\t${actor.userId ?? "\\N"}\t${copyField(actor.name)}\t${copyField(actor.ip)}\t`;
  const lines = entries.map(
    (e) =>
      `${who}${copyField(e.action)}\t${copyField(e.objectType)}\t${copyField(String(e.objectId))}\t${jsonField(e.before)}\t${jsonField(e.after)}\n`,
  );
  await copy(`${table} ${auditColumns}`, inPieces(lines));
}
