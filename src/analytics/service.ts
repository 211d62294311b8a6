import { type Principal, roles, scopeRoots } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { computeCells } from "./engine.ts";
import { analyticsMetadata } from "./metadata.ts";
import { buildPlan } from "./plan.ts";
import { loadValues } from "./queries.ts";
import { parseAnalyticsRequest } from "./request.ts";
import { type AnalyticsResponse, buildResponse } from "./response.ts";
import { coverUnits, loadOwnValues, loadRollups, RollupSource, routeRollups } from "./rollup-read.ts";
import { rollupsBuilt } from "./rollup-store.ts";
import type { AnalyticsRequest } from "./types.ts";

export type { AnalyticsResponse } from "./response.ts";
export type { AnalyticsRequest } from "./types.ts";

/**
 * Tổng hợp số liệu: aggregated figures by metric, period and unit, DHIS2-style. Any signed-in
 * user may ask; only units inside the subtrees of the caller's grants (any role) are answered.
 * Throws 400 VALIDATION_FAILED for a bad request (paths `dimension.N`, `filter.N`, `asOf`),
 * 403 OUT_OF_SCOPE naming a unit outside the caller's scope. Reads only. On approved data it
 * reads the pre-aggregated roll-ups plus the named units' own values (src/analytics/rollup-read.ts),
 * else every value below the named units.
 */
export async function analytics(
  conn: Conn,
  principal: Principal,
  request: AnalyticsRequest,
): Promise<AnalyticsResponse> {
  const query = parseAnalyticsRequest(request);
  const basis = await analyticsMetadata(conn);
  const plan = buildPlan(query, { basis, scopeRoots: scopeRoots(principal, roles) });
  const route = (await rollupsBuilt(conn)) ? routeRollups(plan, basis.trees.changeDates()) : null;
  if (!route) {
    const values = await loadValues(conn, {
      ...plan.read,
      unitIds: plan.readUnits(),
      includeUnapproved: query.includeUnapproved,
    });
    return buildResponse(plan, computeCells(plan, values));
  }
  const rollup = { ...plan.read, metricIds: [...route.rollup], unitIds: coverUnits(route) };
  const rawRead = { ...plan.read, metricIds: [...route.raw], includeUnapproved: false };
  // Independent reads: on the PostgreSQL server they run on separate pooled connections.
  const [rows, own, raw] = await Promise.all([
    loadRollups(conn, rollup),
    loadOwnValues(conn, rollup),
    route.raw.size > 0 ? loadValues(conn, { ...rawRead, unitIds: plan.readUnits() }) : [],
  ]);
  return buildResponse(plan, computeCells(plan, raw, new RollupSource(plan, route, rows, own)));
}
