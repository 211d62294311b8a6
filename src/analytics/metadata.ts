import { dataVersion } from "../audit/version.ts";
import type { Conn } from "../db/client.ts";
import { loadMetrics, loadPlacements, loadUnits, type MetricRow, type UnitRow } from "./queries.ts";
import type { PlacementRow } from "./tree.ts";

/** What every analytics request needs besides the values: the catalogue and the dated tree. */
export interface Metadata {
  metrics: MetricRow[];
  units: UnitRow[];
  /** Every placement, of any date. */
  placements: PlacementRow[];
}

const FAR_FUTURE = "9999-12-31";
const memo = new WeakMap<object, { version: number; value: Promise<Metadata> }>();

/**
 * The metrics, units and placements, read once per data version and shared: nationally they are
 * thousands of rows a request would otherwise read and parse again (20–40 ms). Every change to
 * them is audited, so a new data version (re-read at most once a second, at once after a write of
 * this process) reloads them; another server's change shows within that second.
 */
export async function analyticsMetadata(conn: Conn): Promise<Metadata> {
  const version = await dataVersion(conn);
  const hit = memo.get(conn);
  if (hit && hit.version === version) return hit.value;
  const value = Promise.all([loadMetrics(conn), loadUnits(conn), loadPlacements(conn, FAR_FUTURE)]).then(
    ([metrics, units, placements]) => ({ metrics, units, placements }),
  );
  memo.set(conn, { version, value });
  value.catch(() => memo.delete(conn));
  return value;
}

/** The placements that began by `lastDate`: enough to build the tree of any date up to it. */
export function placementsUntil(metadata: Metadata, lastDate: string): PlacementRow[] {
  return metadata.placements.filter((p) => p.validFrom <= lastDate);
}
