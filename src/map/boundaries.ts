import { eq } from "drizzle-orm";
import { type Principal, requireProvinceAdmin, scopeRoots } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { unitBoundaries } from "../db/schema/index.ts";
import { AppError, type FieldIssue, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { type PlacedUnit, subtreeIds, treeAsOf } from "../units/tree.ts";
import type { BoundaryCollection, StoredFeature } from "./geojson.ts";

export interface BoundariesSaved {
  level: number;
  features: number;
  /** Units in force at the level with no area in the file: the map shows them as missing. */
  unitsWithoutArea: string[];
}

/** The code of each feature, or the problems that make the file unusable for this level. */
function codesOf(
  collection: BoundaryCollection,
  codeProperty: string,
  known: ReadonlySet<string>,
  level: number,
): { codes: string[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const codes = collection.features.map((f, i) => {
    const path = `body.features.${i}.properties.${codeProperty}`;
    const raw = f.properties?.[codeProperty];
    const code = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!code) issues.push(fieldIssue(path, "Vùng không có mã đơn vị", "The area has no unit code"));
    else if (!known.has(code))
      issues.push(
        fieldIssue(
          path,
          `Không có đơn vị cấp ${level} mã ${code}`,
          `No unit at level ${level} has code ${code}`,
        ),
      );
    else if (seen.has(code))
      issues.push(fieldIssue(path, `Mã ${code} có hai vùng`, `Code ${code} has two areas`));
    seen.add(code);
    return code;
  });
  return { codes, issues };
}

async function unitsAtLevel(conn: Conn, level: number, asOf: string): Promise<PlacedUnit[]> {
  return (await treeAsOf(conn, asOf)).filter((u) => u.level === level);
}

/** Refuses an admin whose grants do not cover every unit the file draws. */
async function assertAllInScope(
  conn: Conn,
  principal: Principal,
  units: PlacedUnit[],
  asOf: string,
): Promise<void> {
  const allowed = new Set(await subtreeIds(conn, scopeRoots(principal, ["admin"]), asOf));
  const outside = units.find((u) => !allowed.has(u.id));
  if (outside) throw new AppError("OUT_OF_SCOPE", { unit: outside.code });
}

/**
 * Loads (or replaces) the boundary map of a level. Every area must name a unit in force at
 * that level today, once; an admin may load only areas of units in their scope. All or nothing.
 */
export async function saveBoundaries(
  db: Db,
  actor: Actor,
  principal: Principal,
  level: number,
  collection: BoundaryCollection,
  codeProperty: string,
): Promise<BoundariesSaved> {
  await requireProvinceAdmin(db, principal, clock.today());
  const today = clock.today();
  const units = await unitsAtLevel(db, level, today);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const { codes, issues } = codesOf(collection, codeProperty, new Set(byCode.keys()), level);
  if (issues.length > 0) throw invalid(...issues.slice(0, 100));
  await assertAllInScope(
    db,
    principal,
    codes.flatMap((c) => byCode.get(c) ?? []),
    today,
  );
  const features: StoredFeature[] = collection.features.map((f, i) => ({
    type: "Feature",
    properties: { code: codes[i] ?? "" },
    geometry: f.geometry,
  }));
  const changes = {
    features,
    featureCount: features.length,
    uploadedByName: actor.name,
    uploadedAt: clock.now(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(unitBoundaries)
      .values({ level, ...changes })
      .onConflictDoUpdate({ target: unitBoundaries.level, set: changes });
    await recordAudit(tx, actor, {
      action: "upload_boundaries",
      objectType: "map",
      objectId: level,
      after: { features: features.length, codeProperty },
    });
  });
  const mapped = new Set(codes);
  return {
    level,
    features: features.length,
    unitsWithoutArea: units.map((u) => u.code).filter((c) => !mapped.has(c)),
  };
}

export async function boundaries(conn: Conn, level: number) {
  const [row] = await conn.select().from(unitBoundaries).where(eq(unitBoundaries.level, level));
  if (!row) throw notFound("bản đồ ranh giới cấp", "boundary map of level", String(level));
  return {
    etag: `"map-${level}-${row.uploadedAt.getTime()}"`,
    collection: { type: "FeatureCollection" as const, features: row.features as StoredFeature[] },
  };
}

/** The boundary map of a level, if one is loaded: the leaders' screen asks for it only then. */
export async function boundariesVersion(conn: Conn, level: number): Promise<string | null> {
  const [row] = await conn
    .select({ at: unitBoundaries.uploadedAt })
    .from(unitBoundaries)
    .where(eq(unitBoundaries.level, level));
  return row ? String(row.at.getTime()) : null;
}

export async function deleteBoundaries(
  db: Db,
  actor: Actor,
  principal: Principal,
  level: number,
): Promise<void> {
  await requireProvinceAdmin(db, principal, clock.today());
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(unitBoundaries)
      .where(eq(unitBoundaries.level, level))
      .returning({ n: unitBoundaries.featureCount });
    if (gone.length === 0) throw notFound("bản đồ ranh giới cấp", "boundary map of level", String(level));
    await recordAudit(tx, actor, {
      action: "delete_boundaries",
      objectType: "map",
      objectId: level,
      before: { features: gone[0]?.n },
    });
  });
}
