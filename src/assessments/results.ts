import { and, desc, eq } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { assessments, indexFrameworks } from "../db/schema/index.ts";
import {
  compareYears,
  type RankedUnit,
  rank,
  rankEntry,
  scoreUnit,
  type UnitScore,
  type YearChange,
} from "../domain/index-scoring/index.ts";
import { assessedUnits, valueRows, withFramework } from "./store.ts";
import type { AssessedUnit, LoadedAssessment, ValueRow } from "./types.ts";
import { finalValues, selfValues } from "./values.ts";

/** One unit's scores: as it assessed itself, and as appraised (with the council's changes). */
export interface UnitResult {
  unit: AssessedUnit;
  rows: ValueRow[];
  self: UnitScore;
  appraised: UnitScore;
}

/**
 * Scores every unit from its stored values through the domain's scoring rules. Before the
 * appraisal the appraised score equals the self-assessed one.
 */
export async function unitResults(conn: Conn, loaded: LoadedAssessment): Promise<UnitResult[]> {
  const list = await assessedUnits(conn, loaded.row.id);
  const rows = await valueRows(conn, loaded.row.id);
  const byUnit = new Map<number, ValueRow[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return list.map((unit) => {
    const own = byUnit.get(unit.unitId) ?? [];
    return {
      unit,
      rows: own,
      self: scoreUnit(loaded.framework, unit.groupCode, selfValues(own)),
      appraised: scoreUnit(loaded.framework, unit.groupCode, finalValues(own)),
    };
  });
}

/** Ranks on the appraised scores, within each group, ties sharing a rank (1, 2, 2, 4). */
export const rankResults = (results: readonly UnitResult[]): RankedUnit[] =>
  rank(results.map((r) => rankEntry(r.unit.code, r.appraised)));

/** Last year's published assessment of the same framework lineage, if there is one. */
export async function previousAssessment(
  conn: Conn,
  loaded: LoadedAssessment,
): Promise<LoadedAssessment | null> {
  const [row] = await conn
    .select({ assessment: assessments })
    .from(assessments)
    .innerJoin(indexFrameworks, eq(indexFrameworks.id, assessments.frameworkId))
    .where(
      and(
        eq(indexFrameworks.lineage, loaded.lineage),
        eq(assessments.year, loaded.row.year - 1),
        eq(assessments.status, "published"),
      ),
    )
    .orderBy(desc(assessments.publishedAt))
    .limit(1);
  return row ? withFramework(conn, row.assessment) : null;
}

export interface Results {
  results: UnitResult[];
  ranked: RankedUnit[];
  /** Change against last year per unit code; empty when there is no previous assessment. */
  changes: Map<string, YearChange>;
  previous: string | null;
}

/** Everything the ranking, the scorecards and the outputs show. */
export async function computeResults(conn: Conn, loaded: LoadedAssessment): Promise<Results> {
  const results = await unitResults(conn, loaded);
  const ranked = rankResults(results);
  const before = await previousAssessment(conn, loaded);
  if (before === null) return { results, ranked, changes: new Map(), previous: null };
  const previousRanked = rankResults(await unitResults(conn, before));
  const { changes } = compareYears(ranked, previousRanked);
  return {
    results,
    ranked,
    changes: new Map(
      changes.filter((c) => c.previousRank !== null || c.previousTotal !== null).map((c) => [c.unit, c]),
    ),
    previous: before.row.code,
  };
}
