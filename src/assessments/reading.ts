import { type Principal, unitInScope } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { criterionMax } from "../domain/index-scoring/index.ts";
import { AppError } from "../errors/app-error.ts";
import { appraisableCriteria, isAppraiser, isAssessmentAdmin, isUnitMember } from "./access.ts";
import { evidenceOf } from "./evidence.ts";
import { type RankingView, rankingView } from "./ranking-view.ts";
import { computeResults, type Results } from "./results.ts";
import { type ScorecardView, scorecardView } from "./scorecard-view.ts";
import { assessedUnit, assessedUnits, loadAssessment } from "./store.ts";
import type { AssessedUnit, LoadedAssessment } from "./types.ts";

// Who sees results: once published, every signed-in user. Before, admins over the assessment
// and appraisers of some of its criteria see the ranking; a unit sees its own scorecard; an
// appraiser sees, on each scorecard, only the criteria it appraises. An admin below the
// province is an appraiser only of criteria its own subtree verifies.

const unitIdsOf = (results: Results) => results.results.map((r) => r.unit.unitId);

const appraisesSome = async (
  conn: Conn,
  principal: Principal | null,
  loaded: LoadedAssessment,
  results: Results,
) => (await appraisableCriteria(conn, principal, loaded, unitIdsOf(results))).size > 0;

async function seesRanking(
  conn: Conn,
  principal: Principal | null,
  loaded: LoadedAssessment,
  results: Results,
) {
  return loaded.row.status === "published" || (await appraisesSome(conn, principal, loaded, results));
}

const notPublished = (loaded: LoadedAssessment) =>
  new AppError("RESULTS_NOT_PUBLISHED", { assessment: loaded.row.code });

/** Bảng xếp hạng of each group (or one), with pillar ranks and the change on last year. */
export async function ranking(
  conn: Conn,
  principal: Principal | null,
  code: string,
  group?: string,
): Promise<RankingView> {
  const loaded = await loadAssessment(conn, code);
  const results = await computeResults(conn, loaded);
  if (!(await seesRanking(conn, principal, loaded, results))) throw notPublished(loaded);
  return rankingView(loaded, results, group);
}

/**
 * What the viewer may do on a unit's scorecard now, so that screens show only the buttons that
 * will be accepted: fill in values and evidence (the unit's reporter, while its self-assessment
 * is an open draft), submit (its approver, then), appraise (the criteria the viewer verifies,
 * during the appraisal). The services check again on every write.
 */
export interface ScorecardPermissions {
  fill: boolean;
  submit: boolean;
  appraise: string[];
}

async function permissions(
  conn: Conn,
  principal: Principal | null,
  loaded: LoadedAssessment,
  unit: AssessedUnit,
  unitIds: readonly number[],
): Promise<ScorecardPermissions> {
  const drafting = loaded.row.status === "self_assessment" && unit.status === "draft";
  const holds = async (role: "reporter" | "approver") =>
    drafting &&
    (principal === null || (await unitInScope(conn, principal, [role], unit.unitId, loaded.asOf)));
  const appraise =
    loaded.row.status === "appraisal"
      ? [...(await appraisableCriteria(conn, principal, loaded, unitIds))].filter((c) =>
          loaded.framework.criteria.some((k) => k.code === c && criterionMax(k, unit.groupCode) !== null),
        )
      : [];
  return { fill: await holds("reporter"), submit: await holds("approver"), appraise };
}

/** The scorecard with what the viewer may do on it (the JSON answer of the scorecard route). */
export async function scorecardWithPermissions(
  conn: Conn,
  principal: Principal | null,
  code: string,
  unitCode: string,
): Promise<ScorecardView & { may: ScorecardPermissions }> {
  const view = await scorecard(conn, principal, code, unitCode);
  const loaded = await loadAssessment(conn, code);
  const unit = await assessedUnit(conn, loaded, unitCode);
  const unitIds = (await assessedUnits(conn, loaded.row.id)).map((u) => u.unitId);
  return { ...view, may: await permissions(conn, principal, loaded, unit, unitIds) };
}

/** Phiếu kết quả of one unit: criterion by criterion, self-assessed beside appraised, with evidence. */
export async function scorecard(
  conn: Conn,
  principal: Principal | null,
  code: string,
  unitCode: string,
): Promise<ScorecardView> {
  const loaded = await loadAssessment(conn, code);
  const unit = await assessedUnit(conn, loaded, unitCode);
  const results = await computeResults(conn, loaded);
  const result = results.results.find((r) => r.unit.unitId === unit.unitId);
  if (!result) throw notPublished(loaded);
  const only = await restriction(conn, principal, loaded, results, unit.unitId);
  const evidence = await evidenceOf(conn, loaded.row.id, [unit.unitId]);
  const rank = (await seesRanking(conn, principal, loaded, results))
    ? (results.ranked.find((r) => r.unit === unit.code)?.rank ?? null)
    : null;
  return scorecardView(loaded, results, result, { evidence, rank, only });
}

/** Undefined for a full view, the appraiser's criteria for a partial one; 403 for nobody's. */
async function restriction(
  conn: Conn,
  principal: Principal | null,
  loaded: LoadedAssessment,
  results: Results,
  unitId: number,
): Promise<Set<string> | undefined> {
  if (loaded.row.status === "published") return undefined;
  if (await isUnitMember(conn, principal, unitId, loaded.asOf)) return undefined;
  if (await isAssessmentAdmin(conn, principal, unitIdsOf(results), loaded.asOf)) return undefined;
  const mine = await appraisableCriteria(conn, principal, loaded, unitIdsOf(results));
  if (mine.size > 0) return mine;
  throw notPublished(loaded);
}

/**
 * Việc thẩm định: for an appraiser, every unit's scorecard limited to the criteria it verifies,
 * with the units' values and evidence; admins get every criterion.
 */
export async function appraisalWorklist(conn: Conn, principal: Principal | null, code: string) {
  const loaded = await loadAssessment(conn, code);
  const results = await computeResults(conn, loaded);
  const ids = unitIdsOf(results);
  const admin = await isAssessmentAdmin(conn, principal, ids, loaded.asOf);
  if (!admin && !isAppraiser(principal)) throw new AppError("FORBIDDEN");
  const mine = await appraisableCriteria(conn, principal, loaded, ids);
  const evidence = await evidenceOf(conn, loaded.row.id, ids);
  const cards = results.results.map((r) =>
    scorecardView(loaded, results, r, { evidence, rank: null, only: mine }),
  );
  return { criteria: [...mine], units: cards };
}
