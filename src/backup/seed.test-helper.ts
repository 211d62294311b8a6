/** A small seeded database for the backup tests, and what must survive a round trip. */

import { seedTinyTree } from "../../test/harness.ts";
import type { Principal } from "../access/principal.ts";
import { report, setupReporting } from "../analytics/fixtures.test-helper.ts";
import { analytics } from "../analytics/service.ts";
import type { Database } from "../db/client.ts";
import { rowCounts } from "./tables.ts";

export async function seedForBackup(database: Database): Promise<void> {
  await seedTinyTree(database);
  await setupReporting(
    database.db,
    [
      { code: "SERVICES", aggregation: "sum", valueType: "integer" },
      { code: "SCORE", aggregation: "average" },
    ],
    ["C11", "C12", "C21"],
  );
  await report(database.db, { unit: "C11", period: "202309", values: { SERVICES: 30, SCORE: 80 } });
  await report(database.db, { unit: "C12", period: "202309", values: { SERVICES: 5, SCORE: 50 } });
  await report(database.db, { unit: "C21", period: "202309", values: { SERVICES: 7 }, status: "submitted" });
}

/** Every table's rows and the province's figures for 09/2023, as a viewer of the province sees them. */
export async function snapshot(database: Database) {
  const [province] = await database.rows("select id from units where code = 'P'");
  const viewer: Principal = {
    userId: 0,
    username: "viewer",
    displayName: "viewer",
    locale: "vi",
    grants: [{ role: "viewer", unitId: Number(province?.id), unitCode: "P" }],
  };
  const answer = await analytics(database.db, viewer, {
    dimension: ["dx:SERVICES;SCORE", "pe:202309", "ou:P;D1;D2"],
  });
  return { tables: await rowCounts(database.rows), rows: answer.rows };
}
