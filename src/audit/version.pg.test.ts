import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { versionProbe } from "./version.test-helper.ts";

// Two connections at once: a transaction that drew the lower audit id commits last.
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const { audit, read } = versionProbe(() => database);

describe("the data version", () => {
  it("moves when a transaction that drew an older audit id commits after a newer one", async () => {
    let commitFirst = () => {};
    const held = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    let drawn = () => {};
    const idDrawn = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    const first = database.db.transaction(async (tx) => {
      await audit(tx, "older");
      drawn();
      await held;
    });
    await idDrawn;
    await database.db.transaction((tx) => audit(tx, "newer"));
    const ids = await queryRows<{ id: number; objectId: string }>(
      database.db,
      sql`select id::int, object_id as "objectId" from audit_log order by id`,
    );
    expect(ids.map((r) => r.objectId)).toEqual(["newer"]);
    const afterNewer = await read();
    commitFirst();
    await first;
    const afterOlder = await read();
    expect(afterOlder).toBe(afterNewer + 1);
  });
});
