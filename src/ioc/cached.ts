import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { z } from "zod";
import type { Principal } from "../access/principal.ts";
import { dataVersion } from "../audit/version.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { PromiseCache } from "./cache.ts";
import { type SummaryQuery, summaryOut } from "./schema.ts";
import { iocSummary } from "./summary.ts";

/** The summary as sent: its JSON and that JSON gzipped, each made once per data version. */
export interface SummaryBody {
  json: Buffer;
  gzip: Buffer;
}

/** Distinct (plan, period, grants) asked within one data version: a few hundred at most. */
const cache = new PromiseCache<SummaryBody>(500);
const gzipAsync = promisify(gzip);

/**
 * What the answer depends on besides the data: the question, the caller's grants (two people
 * with the same grants see the same screen) and the day (the month opened by default is the
 * latest one due, and the unit tree is today's).
 */
function keyOf(principal: Principal, query: SummaryQuery): string {
  const grants = principal.grants.map((g) => `${g.role}:${g.unitId}`).sort();
  const asked = [query.plan ?? null, query.period ?? null, query.unit ?? null, query.assessment ?? null];
  return JSON.stringify([...asked, grants, clock.today()]);
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
 * until the data changes: the IOC screen is read by many and written by few. It is checked
 * against its response schema and serialised here, once, not on every request: a wall screen
 * polled by a meeting room would otherwise spend its time re-encoding the same answer.
 */
export function cachedSummary(
  conn: Conn,
  principal: Principal,
  query: SummaryQuery,
  tag: { key: string; etag: string },
): Promise<SummaryBody> {
  return cache.getOrCompute(tag.key, async () => {
    const summary = { version: tag.etag.slice(1, -1), ...(await iocSummary(conn, principal, query)) };
    const json = Buffer.from(JSON.stringify(z.encode(summaryOut, summary)));
    return { json, gzip: await gzipAsync(json) };
  });
}
