import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { versionProbe } from "./version.test-helper.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const { audit, read } = versionProbe(() => database);

describe("the data version", () => {
  it("moves once per transaction however many rows it audits, and not for a login", async () => {
    const before = await read();
    await database.db.transaction(async (tx) => {
      await audit(tx, "a");
      await audit(tx, "b");
    });
    expect(await read()).toBe(before + 1);
    await database.db.transaction((tx) => audit(tx, "1", "login"));
    expect(await read()).toBe(before + 1);
  });
});
