import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { placementsBefore, realignRollups } from "../analytics/rollup.ts";
import { type Actor, type AuditEntry, recordAuditMany } from "../audit/audit.ts";
import type { Conn, Db, Tx } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { unitPlacements, unitSuccessions, units } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { addDays } from "../domain/period/index.ts";
import { overlaps, unitCodeMessages } from "../domain/unit-codes/index.ts";
import { AppError, conflict, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { UnitCodes } from "./codes.ts";
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

/**
 * The unit `code` means on `on` (src/domain/unit-codes: a code held by several units over time
 * needs the date; without one, or none existing then, 400 at `path`); 404 when no unit held it.
 */
export async function unitByCode(conn: Conn, code: string, on?: string | null, path = "code"): Promise<Unit> {
  const unit = (await UnitCodes.load(conn, [code])).get(code, on, path);
  if (!unit) throw notFound("đơn vị", "unit", code);
  return unit;
}

/** As unitByCode for many codes at one date; unknown codes are left out, ambiguous ones 400 at `path`. */
export async function unitsByCodes(
  conn: Conn,
  codes: string[],
  options: { on?: string | null; path?: (code: string) => string } = {},
): Promise<Map<string, Unit>> {
  const known = await UnitCodes.load(conn, codes);
  const found = new Map<string, Unit>();
  for (const code of new Set(codes)) {
    const unit = known.get(code, options.on, options.path?.(code) ?? "code");
    if (unit) found.set(code, unit);
  }
  return found;
}

/**
 * Refuses a unit whose validity overlaps another unit's holding the same code (codes are unique
 * per day, not for all time). The transaction-scoped lock on the code makes two concurrent
 * writers of one code queue, so the check cannot race; the partial unique index
 * `units_open_code_uq` backs it in the database for units that are still open.
 */
async function assertCodeFree(
  tx: Tx,
  code: string,
  from: string,
  to: string | null,
  path: string,
  self?: number,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('unit-code'), hashtext(${code}))`);
  const held = (await UnitCodes.load(tx, [code])).all(code);
  const other = held.find((u) => u.id !== self && overlaps(u, { validFrom: from, validTo: to }));
  if (other) {
    const text = unitCodeMessages.overlap(code, other);
    throw new AppError("CONFLICT", { object: "Mã đơn vị" }, [
      fieldIssue(path, text.vi, text.en, "UNIT_CODE_TAKEN"),
    ]);
  }
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
  on: string,
  index: number,
  known: Map<string, { id: number; level: number }>,
) {
  const cached = known.get(parentCode);
  if (cached) return cached;
  const parent = (await UnitCodes.load(tx, [parentCode])).get(parentCode, on, `${index}.parentCode`);
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
  if (known.has(code)) throw conflict("mã đơn vị", "unit code", code);
  await assertCodeFree(tx, code, row.validFrom, row.validTo ?? null, `${index}.code`);
  const parent = row.parentCode
    ? await parentPlacement(tx, nfc(row.parentCode), row.validFrom, index, known)
    : null;
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
    // A predecessor is the unit holding its code the day before (it may hand its code on).
    const path = `${index}.predecessorCodes.${i}`;
    const predecessor = await unitsByCodes(tx, [nfc(p.code)], {
      on: addDays(row.validFrom, -1),
      path: () => path,
    });
    const from = predecessor.get(nfc(p.code));
    if (!from || from.id === unit.id) {
      throw invalid(
        fieldIssue(path, `Không có đơn vị tiền thân mã ${p.code}`, `No predecessor unit ${p.code}`),
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
  const unit = await unitByCode(tx, code, date);
  const current = await openPlacement(tx, unit.id);
  if (!current) throw invalid(fieldIssue("code", `Đơn vị ${code} đã giải thể`, `Unit ${code} is closed`));
  if (date <= current.validFrom) {
    throw invalid(
      fieldIssue("date", `Ngày phải sau ${current.validFrom}`, `The date must be after ${current.validFrom}`),
    );
  }
  const parent = parentCode ? await unitByCode(tx, parentCode, date, "parentCode") : null;
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

/**
 * As closeUnit, inside the caller's transaction (a reform closes many units in one); `realign` as
 * in moveUnitIn. The unit closed is the one holding `code` the day before the date. `ended`: the
 * caller already ended the unit on the date (endUnitsIn) to hand its code to a new unit.
 */
export async function closeUnitIn(
  tx: Tx,
  actor: Actor,
  code: string,
  closure: Closure,
  options: { realign?: boolean; ended?: boolean } = {},
) {
  const realign = options.realign ?? true;
  const unit = await unitByCode(tx, code, addDays(closure.date, -1));
  if (unit.validTo && !(options.ended && unit.validTo === closure.date))
    throw invalid(fieldIssue("code", `Đơn vị ${code} đã giải thể`, `Unit ${code} is closed`));
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
  const successors = await unitsByCodes(tx, closure.successorCodes, {
    on: closure.date,
    path: (s) => `successorCodes.${closure.successorCodes.indexOf(s)}`,
  });
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

/**
 * Ends units on `date` before their closure is written, so that a new unit may take over their
 * code from the same date (a reform: each new commune reuses a predecessor's code).
 */
export async function endUnitsIn(tx: Tx, ids: readonly number[], date: string) {
  if (ids.length === 0) return;
  await tx
    .update(units)
    .set({ validTo: date })
    .where(inArray(units.id, [...ids]));
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
