/**
 * Unit codes resolved by date (src/domain/unit-codes): every lookup of a unit by its code goes
 * through here, so a reused code never silently means the wrong unit.
 */
import { sql } from "drizzle-orm";
import { textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { units } from "../db/schema/index.ts";
import { type CodePick, pickUnit, unitCodeMessages } from "../domain/unit-codes/index.ts";
import { type FieldIssue, fieldIssue, invalid } from "../errors/app-error.ts";

export type Unit = typeof units.$inferSelect;

/** The units that ever held one of `codes`, by code (oldest first). */
export class UnitCodes {
  constructor(private readonly byCode: ReadonlyMap<string, readonly Unit[]>) {}

  static async load(conn: Conn, codes: readonly string[]): Promise<UnitCodes> {
    const wanted = [...new Set(codes.filter(Boolean))];
    if (wanted.length === 0) return new UnitCodes(new Map());
    // One array parameter whatever the count (a bulk load names thousands of units).
    const rows = await conn
      .select()
      .from(units)
      .where(sql`${units.code} = any(${textArray(wanted)}::text[])`)
      .orderBy(units.code, units.validFrom);
    const byCode = new Map<string, Unit[]>();
    for (const u of rows) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    return new UnitCodes(byCode);
  }

  /** Every unit that held `code`, oldest first. */
  all(code: string): readonly Unit[] {
    return this.byCode.get(code) ?? [];
  }

  pick(code: string, on: string | null | undefined): CodePick<Unit> {
    return pickUnit(this.byCode.get(code) ?? [], on);
  }

  /** The unit `code` means on `on`, undefined when no unit ever held it; an issue at `path` when ambiguous. */
  resolve(code: string, on: string | null | undefined, path: string): Unit | undefined | FieldIssue {
    const picked = this.pick(code, on);
    if ("ambiguous" in picked) {
      const text = unitCodeMessages.ambiguous(code, on, picked.ambiguous);
      return fieldIssue(path, text.vi, text.en, "AMBIGUOUS_UNIT_CODE");
    }
    return picked.unit;
  }

  /** As resolve, throwing the ambiguity as a 400. */
  get(code: string, on: string | null | undefined, path: string): Unit | undefined {
    const found = this.resolve(code, on, path);
    if (found && "path" in found) throw invalid(found);
    return found;
  }
}

/** Whether resolve's answer is an issue. */
export const isIssue = (x: Unit | FieldIssue | undefined): x is FieldIssue => x !== undefined && "path" in x;
