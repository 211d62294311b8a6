/**
 * The benchmark's six analytics shapes on a small synthetic dataset: chiso's answers equal the
 * plain GROUP BY SQL answers, and an approval shows in analytics at once.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree } from "../../bench/dataset.ts";
import { freshness } from "../../bench/freshness.ts";
import { loadDataset } from "../../bench/load.ts";
import { differences } from "../../bench/measure.ts";
import { shapeRuns } from "../../bench/shapes.ts";
import type { Principal } from "../../src/access/principal.ts";
import type { Database } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/rows.ts";
import { testDatabase } from "../harness.ts";

const tree = buildTree("mini");
let database: Database;
let principal: Principal;

beforeAll(async () => {
  database = await testDatabase();
  const stats = await loadDataset(database, "mini", 7);
  expect(stats).toMatchObject({ units: 11, reports: 8 * 60, values: 8 * 60 * 32 });
  const [root] = await queryRows<{ id: number }>(
    database.db,
    sql`select id from units where code = ${tree.root}`,
  );
  principal = {
    userId: 0,
    username: "bench",
    displayName: "bench",
    locale: "vi",
    grants: [{ role: "admin", unitId: root?.id ?? 0, unitCode: tree.root }],
  };
});
afterAll(() => database.close());

describe("benchmark shapes: chiso against plain SQL", () => {
  it.each([0, 1, 2, 3, 4, 5])("shape %i gives the same answer", async (index) => {
    const shape = shapeRuns({ conn: database.db, principal, tree, scale: "mini" })[index];
    if (!shape) throw new Error(`no shape ${index}`);
    const chiso = await shape.chiso();
    expect(chiso.size).toBeGreaterThan(0);
    expect(differences(chiso, await shape.sql())).toEqual([]);
  });

  it("an approved report is in the next analytics answer", async () => {
    const ms = await freshness(database.db, principal, tree);
    expect(ms).not.toBeNull();
    expect(await freshness(database.db, principal, tree)).toBeNull();
  });
});
