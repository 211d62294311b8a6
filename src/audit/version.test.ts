import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { recordAudit, systemActor } from "./audit.ts";
import { dataVersion } from "./version.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const actor = systemActor("test");
const write = (objectId: string) => ({ action: "save", objectType: "submission", objectId });
/** A fresh read each time: the per-second memo is keyed by the time given. */
let tick = 0;
const read = () => {
  tick += 10_000;
  return dataVersion(database.db, tick);
};

describe("the data version", () => {
  it("moves once per transaction however many rows it audits, and not for a login", async () => {
    const before = await read();
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, actor, write("a"));
      await recordAudit(tx, actor, write("b"));
    });
    expect(await read()).toBe(before + 1);
    await database.db.transaction((tx) =>
      recordAudit(tx, actor, { action: "login", objectType: "user", objectId: 1 }),
    );
    expect(await read()).toBe(before + 1);
  });
});
