import { and, eq, isNull, sql } from "drizzle-orm";
import { placementsBefore, realignRollups } from "../analytics/rollup.ts";
import { type Actor, type AuditEntry, recordAuditMany } from "../audit/audit.ts";
import { textArray } from "../db/arrays.ts";
import type { Conn, Db, Tx } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { unitPlacements, unitSuccessions, units } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, conflict, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { ancestorIds } from "./tree.ts";

export type Unit = typeof units.$inferSelect;

export interface NewUnit {
  code: string;
  nameVi: string;
  nameEn?: string | null;
  kind: "territorial" | "agency";
  type: string;
  groupCode?: string | null;
  parentCode?: string | null;
  validFrom: string;
  /** Exclusive end, for a unit of a list that is already gone (its placement ends then too). */
  validTo?: string | null;
  /** Units this one succeeds from `validFrom` (a merger, split, rename or reclassification). */
  predecessors?: { code: string; kind: Closure["kind"] }[];
}

export async function unitByCode(conn: Conn, code: string): Promise<Unit> {
  const [unit] = await conn.select().from(units).where(eq(units.code, code));
  if (!unit) throw notFound("đơn vị", "unit", code);
  return unit;
}

export async function unitsByCodes(conn: Conn, codes: string[]): Promise<Map<string, Unit>> {
  if (codes.length === 0) return new Map();
  // One array parameter whatever the count (a bulk load names thousands of units).
  const rows = await conn
    .select()
    .from(units)
    .where(sql`${units.code} = any(${textArray([...new Set(codes)])}::text[])`);
  return new Map(rows.map((u) => [u.code, u]));
}

async function openPlacement(conn: Conn, unitId: number) {
  const [p] = await conn
    .select()
    .from(unitPlacements)
    .where(and(eq(unitPlacements.unitId, unitId), isNull(unitPlacements.validTo)));
  return p;
}

/**
 * Creates units in one transaction, parents before children (a parent may be created in the
 * same batch). Rejects the whole batch on the first problem, naming the row.
 */
export async function createUnits(db: Db, actor: Actor, input: NewUnit[]): Promise<Unit[]> {
  return db.transaction((tx) => insertUnits(tx, actor, input));
}

/** As createUnits, inside the caller's transaction (the first run creates the province and its admin together). */
export async function insertUnits(tx: Tx, actor: Actor, input: NewUnit[]): Promise<Unit[]> {
  const created: Unit[] = [];
  const audit: AuditEntry[] = [];
  const known = new Map<string, { id: number; level: number }>();
  for (const [index, row] of input.entries()) {
    const unit = await insertUnit(tx, row, index, known);
    created.push(unit.unit);
    audit.push({ action: "create", objectType: "unit", objectId: unit.unit.code, after: unit.after });
  }
  await recordAuditMany(tx, actor, audit);
  return created;
}

async function parentPlacement(
  tx: Tx,
  parentCode: string,
  index: number,
  known: Map<string, { id: number; level: number }>,
) {
  const cached = known.get(parentCode);
  if (cached) return cached;
  const [parent] = await tx.select().from(units).where(eq(units.code, parentCode));
  const placement = parent ? await openPlacement(tx, parent.id) : undefined;
  if (!parent || !placement) {
    throw invalid(
      fieldIssue(
        `${index}.parentCode`,
        `Không có đơn vị cấp trên mã ${parentCode}`,
        `No parent unit ${parentCode}`,
      ),
    );
  }
  return { id: parent.id, level: placement.level };
}

async function insertUnit(
  tx: Tx,
  row: NewUnit,
  index: number,
  known: Map<string, { id: number; level: number }>,
) {
  const code = nfc(row.code.trim());
  const [dup] = await tx.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (dup || known.has(code)) throw conflict("mã đơn vị", "unit code", code);
  const parent = row.parentCode ? await parentPlacement(tx, nfc(row.parentCode), index, known) : null;
  const level = parent ? parent.level + 1 : 1;
  if (level > 6) throw invalid(fieldIssue(`${index}.parentCode`, "Cây đơn vị quá sâu", "Unit tree too deep"));
  const [unit] = await tx
    .insert(units)
    .values({
      code,
      nameVi: nfc(row.nameVi),
      nameEn: row.nameEn ? nfc(row.nameEn) : null,
      kind: row.kind,
      type: nfc(row.type),
      groupCode: row.groupCode ?? null,
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
    })
    .returning();
  if (!unit) throw new AppError("INTERNAL");
  await tx.insert(unitPlacements).values({
    unitId: unit.id,
    parentId: parent?.id ?? null,
    level,
    validFrom: row.validFrom,
    validTo: row.validTo ?? null,
  });
  known.set(code, { id: unit.id, level });
  for (const [i, p] of (row.predecessors ?? []).entries()) {
    const predecessor = await unitsByCodes(tx, [nfc(p.code)]);
    const from = predecessor.get(nfc(p.code));
    if (!from || from.id === unit.id) {
      throw invalid(
        fieldIssue(
          `${index}.predecessorCodes.${i}`,
          `Không có đơn vị tiền thân mã ${p.code}`,
          `No predecessor unit ${p.code}`,
        ),
      );
    }
    await tx
      .insert(unitSuccessions)
      .values({ predecessorId: from.id, successorId: unit.id, kind: p.kind, effectiveDate: row.validFrom });
  }
  return { unit, after: { ...row, code, level } };
}

/** Moves a unit under another parent from `date` on; the earlier placement stays in history. */
export async function moveUnit(db: Db, actor: Actor, code: string, parentCode: string | null, date: string) {
  return db.transaction((tx) => moveUnitIn(tx, actor, code, parentCode, date));
}

/**
 * As moveUnit, inside the caller's transaction (a reform moves many units in one). `realign`
 * false leaves the roll-ups to the caller, who realigns them once for all its changes.
 */
export async function moveUnitIn(
  tx: Tx,
  actor: Actor,
  code: string,
  parentCode: string | null,
  date: string,
  realign = true,
) {
  const unit = await unitByCode(tx, code);
  const current = await openPlacement(tx, unit.id);
  if (!current) throw invalid(fieldIssue("code", `Đơn vị ${code} đã giải thể`, `Unit ${code} is closed`));
  if (date <= current.validFrom) {
    throw invalid(
      fieldIssue("date", `Ngày phải sau ${current.validFrom}`, `The date must be after ${current.validFrom}`),
    );
  }
  const parent = parentCode ? await unitByCode(tx, parentCode) : null;
  const parentPlace = parent ? await openPlacement(tx, parent.id) : null;
  if (parent && !parentPlace) {
    throw invalid(
      fieldIssue("parentCode", `Đơn vị ${parentCode} đã giải thể`, `Unit ${parentCode} is closed`),
    );
  }
  if (parent && (await isDescendant(tx, parent.id, unit.id, date))) {
    throw invalid(
      fieldIssue(
        "parentCode",
        "Không thể chuyển đơn vị vào cấp dưới của chính nó",
        "A unit cannot move under itself",
      ),
    );
  }
  const level = parentPlace ? parentPlace.level + 1 : 1;
  const placements = realign ? await placementsBefore(tx) : null;
  await tx.update(unitPlacements).set({ validTo: date }).where(eq(unitPlacements.id, current.id));
  await tx
    .insert(unitPlacements)
    .values({ unitId: unit.id, parentId: parent?.id ?? null, level, validFrom: date });
  if (placements) await realignRollups(tx, placements);
  await recordAuditMany(tx, actor, [
    {
      action: "move",
      objectType: "unit",
      objectId: code,
      before: { parentId: current.parentId, level: current.level },
      after: { parentCode, level, from: date },
    },
  ]);
}

async function isDescendant(tx: Tx, candidateId: number, ancestorId: number, date: string): Promise<boolean> {
  return (await ancestorIds(tx, candidateId, date)).includes(ancestorId);
}

export interface Closure {
  date: string;
  kind: "merge" | "split" | "rename" | "reclassify";
  successorCodes: string[];
  decision?: string | null;
}

/**
 * Closes a unit on `date` (merger, split, abolition) and records its successors; reports and
 * aggregates for earlier periods still see it in the tree they belonged to.
 */
export async function closeUnit(db: Db, actor: Actor, code: string, closure: Closure) {
  return db.transaction((tx) => closeUnitIn(tx, actor, code, closure));
}

/** As closeUnit, inside the caller's transaction (a reform closes many units in one); `realign` as in moveUnitIn. */
export async function closeUnitIn(tx: Tx, actor: Actor, code: string, closure: Closure, realign = true) {
  const unit = await unitByCode(tx, code);
  if (unit.validTo) throw invalid(fieldIssue("code", `Đơn vị ${code} đã giải thể`, `Unit ${code} is closed`));
  if (closure.date <= unit.validFrom) {
    throw invalid(
      fieldIssue("date", `Ngày phải sau ${unit.validFrom}`, `The date must be after ${unit.validFrom}`),
    );
  }
  const [child] = await tx
    .select({ id: unitPlacements.id })
    .from(unitPlacements)
    .where(and(eq(unitPlacements.parentId, unit.id), isNull(unitPlacements.validTo)));
  if (child) {
    throw invalid(
      fieldIssue(
        "code",
        "Hãy chuyển các đơn vị cấp dưới trước khi giải thể",
        "Move the child units before closing",
      ),
    );
  }
  const successors = await unitsByCodes(tx, closure.successorCodes);
  closure.successorCodes.forEach((s, i) => {
    if (!successors.has(s) || s === code) {
      throw invalid(
        fieldIssue(`successorCodes.${i}`, `Không có đơn vị kế thừa ${s}`, `No successor unit ${s}`),
      );
    }
  });
  const placements = realign ? await placementsBefore(tx) : null;
  await tx.update(units).set({ validTo: closure.date }).where(eq(units.id, unit.id));
  await tx
    .update(unitPlacements)
    .set({ validTo: closure.date })
    .where(and(eq(unitPlacements.unitId, unit.id), isNull(unitPlacements.validTo)));
  if (placements) await realignRollups(tx, placements);
  for (const s of successors.values()) {
    await tx.insert(unitSuccessions).values({
      predecessorId: unit.id,
      successorId: s.id,
      kind: closure.kind,
      effectiveDate: closure.date,
      decision: closure.decision ? nfc(closure.decision) : null,
    });
  }
  await recordAuditMany(tx, actor, [
    { action: "close", objectType: "unit", objectId: code, before: { validTo: null }, after: closure },
  ]);
}

export interface UnitView {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: string;
  type: string;
  groupCode: string | null;
  level: number;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

/** The tree as it stood on `asOf`, optionally filtered. */
export async function listUnits(
  conn: Conn,
  filter: { asOf: string; kind?: string; level?: number; parentCode?: string },
): Promise<UnitView[]> {
  return queryRows<UnitView>(
    conn,
    sql`
    select u.code, u.name_vi as "nameVi", u.name_en as "nameEn", u.kind, u.type, u.group_code as "groupCode",
           p.level, pu.code as "parentCode", u.valid_from::text as "validFrom", u.valid_to::text as "validTo"
    from unit_placements p
    join units u on u.id = p.unit_id
    left join units pu on pu.id = p.parent_id
    where p.valid_from <= ${filter.asOf}::date and (p.valid_to is null or p.valid_to > ${filter.asOf}::date)
      and (${filter.kind ?? null}::text is null or u.kind::text = ${filter.kind ?? null})
      and (${filter.level ?? null}::int is null or p.level = ${filter.level ?? null})
      and (${filter.parentCode ?? null}::text is null or pu.code = ${filter.parentCode ?? null})
    order by p.level, u.code`,
  );
}

export async function unitHistory(conn: Conn, code: string) {
  const unit = await unitByCode(conn, code);
  const placements = await queryRows(
    conn,
    sql`
    select pu.code as "parentCode", p.level, p.valid_from::text as "validFrom", p.valid_to::text as "validTo"
    from unit_placements p left join units pu on pu.id = p.parent_id
    where p.unit_id = ${unit.id} order by p.valid_from`,
  );
  const successions = await queryRows(
    conn,
    sql`
    select a.code as "predecessorCode", b.code as "successorCode", s.kind, s.effective_date::text as "effectiveDate",
           s.decision
    from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id
    where s.predecessor_id = ${unit.id} or s.successor_id = ${unit.id}
    order by s.effective_date`,
  );
  return { unit, placements, successions };
}
