import type { Database } from "../db/client.ts";
import { recordAudit, systemActor } from "./audit.ts";
import { dataVersion } from "./version.ts";

/** Writes one audited change in `conn` and reads the data version afresh each time (tests only). */
export function versionProbe(database: () => Database) {
  let tick = 0;
  return {
    audit: (conn: Parameters<typeof recordAudit>[0], objectId: string, action = "save") =>
      recordAudit(conn, systemActor("test"), { action, objectType: "submission", objectId }),
    /** The per-second memo is keyed by the time given: each read is a new second. */
    read: () => {
      tick += 10_000;
      return dataVersion(database().db, tick);
    },
  };
}
