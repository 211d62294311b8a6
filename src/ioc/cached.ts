import { createHash } from "node:crypto";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { PromiseCache } from "./cache.ts";
import type { Summary, SummaryQuery } from "./schema.ts";
import { iocSummary } from "./summary.ts";
import { dataVersion } from "./version.ts";

/** Distinct (plan, period, grants) asked within one data version: a few hundred at most. */
const cache = new PromiseCache<Summary>(500);

/**
 * What the answer depends on besides the data: the question and the caller's grants (two
 * people with the same grants see the same screen).
 */
function keyOf(principal: Principal, query: SummaryQuery): string {
  const grants = principal.grants.map((g) => `${g.role}:${g.unitId}`).sort();
  return JSON.stringify([query.plan ?? null, query.period ?? null, query.assessment ?? null, grants]);
}

/** The entity tag of an answer: the question's hash and the data version. */
export async function summaryTag(
  conn: Conn,
  principal: Principal,
  query: SummaryQuery,
): Promise<{ key: string; etag: string }> {
  const version = await dataVersion(conn);
  const hash = createHash("sha256").update(keyOf(principal, query)).digest("base64url").slice(0, 16);
  return { key: `${version}|${keyOf(principal, query)}`, etag: `"ioc-${version}-${hash}"` };
}

/**
 * The summary, computed once per (question, grants, data version) and shared by every request
 * until the data changes: the IOC screen is read by many and written by few.
 */
export function cachedSummary(
  conn: Conn,
  principal: Principal,
  query: SummaryQuery,
  tag: { key: string; etag: string },
): Promise<Summary> {
  return cache.getOrCompute(tag.key, async () => ({
    version: tag.etag.slice(1, -1),
    ...(await iocSummary(conn, principal, query)),
  }));
}
