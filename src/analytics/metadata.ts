import { dataVersion } from "../audit/version.ts";
import type { Conn } from "../db/client.ts";
import { type PlanBasis, planBasis } from "./plan.ts";
import { loadMetrics, loadPlacements, loadUnits } from "./queries.ts";

const FAR_FUTURE = "9999-12-31";
const memo = new WeakMap<object, { version: number; value: Promise<PlanBasis> }>();

/**
 * What every analytics request needs besides the values: the metrics, units and every placement,
 * read once per data version and shared with the trees built from them. Nationally they are
 * thousands of rows a request would otherwise read and parse again (20–40 ms), and trees of
 * 4,000 units it would build again (about 10 ms). Every change to them is audited, so a new data
 * version (re-read at most once a second, at once after a write of this process) reloads them;
 * another server's change shows within that second.
 */
export async function analyticsMetadata(conn: Conn): Promise<PlanBasis> {
  const version = await dataVersion(conn);
  const hit = memo.get(conn);
  if (hit && hit.version === version) return hit.value;
  const value = Promise.all([loadMetrics(conn), loadUnits(conn), loadPlacements(conn, FAR_FUTURE)]).then(
    ([metrics, units, placements]) => planBasis({ metrics, units, placements }),
  );
  memo.set(conn, { version, value });
  value.catch(() => memo.delete(conn));
  return value;
}
