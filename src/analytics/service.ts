import { type Principal, roles, scopeRoots } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { computeCells } from "./engine.ts";
import { buildPlan, lastTreeDate } from "./plan.ts";
import { loadMetrics, loadPlacements, loadUnits, loadValues } from "./queries.ts";
import { parseAnalyticsRequest } from "./request.ts";
import { type AnalyticsResponse, buildResponse } from "./response.ts";
import type { AnalyticsRequest } from "./types.ts";

export type { AnalyticsResponse } from "./response.ts";
export type { AnalyticsRequest } from "./types.ts";

/**
 * Tổng hợp số liệu: aggregated figures by metric, period and unit, DHIS2-style. Any signed-in
 * user may ask; only units inside the subtrees of the caller's grants (any role) are answered.
 * Throws 400 VALIDATION_FAILED for a bad request (paths `dimension.N`, `filter.N`, `asOf`),
 * 403 OUT_OF_SCOPE naming a unit outside the caller's scope. Reads only; four queries in all.
 */
export async function analytics(
  conn: Conn,
  principal: Principal,
  request: AnalyticsRequest,
): Promise<AnalyticsResponse> {
  const query = parseAnalyticsRequest(request);
  const metrics = await loadMetrics(conn);
  const units = await loadUnits(conn);
  const placements = await loadPlacements(conn, lastTreeDate(query));
  const plan = buildPlan(query, { metrics, units, placements, scopeRoots: scopeRoots(principal, roles) });
  const values = await loadValues(conn, { ...plan.read, includeUnapproved: query.includeUnapproved });
  return buildResponse(plan, computeCells(plan, values));
}
