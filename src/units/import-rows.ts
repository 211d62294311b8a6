/** The rows of a unit list file as the import checks them, and the stored units they meet. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { intArray } from "../db/arrays.ts";
import type { Tx } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { ImportRow, ImportSummary } from "../files/import-rows.ts";
import { isoDate } from "../http/schemas.ts";
import { unitFields } from "./schema.ts";
import { type Closure, type Unit, unitsByCodes } from "./service.ts";

/** One row of the file, as the import checks it: the fields of POST /api/units and a few more. */
export const unitRowSchema = z
  .object({
    code: unitFields.code,
    nameVi: unitFields.nameVi,
    nameEn: unitFields.nameEn,
    kind: z.enum(
      ["territorial", "agency"],
      "Loại phải là territorial hoặc agency|The kind must be territorial or agency",
    ),
    type: unitFields.type,
    groupCode: z.string().max(50).optional(),
    level: z.coerce.number().int().min(1).max(6).optional(),
    parentCode: z.string().max(30).optional(),
    validFrom: unitFields.validFrom,
    validTo: isoDate.optional(),
    predecessorCodes: z
      .string()
      .max(2000)
      .optional()
      .transform((s) => [...new Set((s ?? "").split(";").map((c) => c.trim()))].filter((c) => c !== "")),
  })
  .refine((r) => !r.validTo || r.validTo > r.validFrom, {
    path: ["validTo"],
    message: "Ngày kết thúc phải sau ngày hiệu lực|The end date must be after the start date",
  });
export type UnitRow = z.output<typeof unitRowSchema>;

export interface UnitImportRow extends ImportRow {
  code: string | null;
  level: number | null;
}

export type UnitImportSummary = ImportSummary<UnitImportRow>;

export interface Stored {
  unit: Unit;
  parentCode: string | null;
  level: number;
  predecessorCodes: string[];
}

/** The stored units of these codes with their latest placement and their predecessors. */
export async function storedUnits(tx: Tx, codes: string[]): Promise<Map<string, Stored>> {
  const found = await unitsByCodes(tx, codes);
  const ids = [...found.values()].map((u) => u.id);
  if (ids.length === 0) return new Map();
  const placements = await queryRows<{ unitId: number; level: number; parentCode: string | null }>(
    tx,
    sql`select distinct on (p.unit_id) p.unit_id as "unitId", p.level, pu.code as "parentCode"
        from unit_placements p left join units pu on pu.id = p.parent_id
        where p.unit_id = any(${intArray(ids)}::int[]) order by p.unit_id, p.valid_from desc`,
  );
  const predecessors = await queryRows<{ unitId: number; code: string }>(
    tx,
    sql`select s.successor_id as "unitId", a.code from unit_successions s join units a on a.id = s.predecessor_id
        where s.successor_id = any(${intArray(ids)}::int[]) order by a.code`,
  );
  const placed = new Map(placements.map((p) => [p.unitId, p]));
  const stored = new Map<string, Stored>();
  for (const unit of found.values()) {
    stored.set(unit.code, {
      unit,
      parentCode: placed.get(unit.id)?.parentCode ?? null,
      level: placed.get(unit.id)?.level ?? 1,
      predecessorCodes: predecessors.filter((p) => p.unitId === unit.id).map((p) => p.code),
    });
  }
  return stored;
}

/** The first field where a stored unit differs from its row, or null when it is the same. */
export function difference(row: UnitRow, s: Stored): { field: string; stored: string } | null {
  const u = s.unit;
  const checks: [string, string | null | undefined, string | null][] = [
    ["nameVi", row.nameVi, u.nameVi],
    ["nameEn", row.nameEn ?? null, u.nameEn],
    ["kind", row.kind, u.kind],
    ["type", row.type, u.type],
    ["groupCode", row.groupCode ?? null, u.groupCode],
    ["parentCode", row.parentCode ?? null, s.parentCode],
    ["validFrom", row.validFrom, u.validFrom],
    ["validTo", row.validTo ?? null, u.validTo],
    [
      "level",
      row.level === undefined ? null : String(row.level),
      row.level === undefined ? null : String(s.level),
    ],
  ];
  for (const [field, mine, theirs] of checks) {
    if ((mine ?? null) !== (theirs ?? null)) return { field, stored: theirs ?? "" };
  }
  if (
    row.predecessorCodes.length > 0 &&
    row.predecessorCodes.toSorted().join(";") !== s.predecessorCodes.join(";")
  ) {
    return { field: "predecessorCodes", stored: s.predecessorCodes.join(";") };
  }
  return null;
}

/** Each predecessor succeeded by several new rows is split; several predecessors of one row merge. */
export function successionKind(
  row: UnitRow,
  successorsOf: Map<string, number>,
  code: string,
): Closure["kind"] {
  if ((successorsOf.get(code) ?? 0) > 1) return "split";
  return row.predecessorCodes.length > 1 ? "merge" : "rename";
}
