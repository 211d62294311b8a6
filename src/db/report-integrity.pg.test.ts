import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlState, testDatabase } from "../../test/harness.ts";
import { draftWithValues } from "../submissions/test-helpers.ts";
import type { Database } from "./client.ts";
import { queryRows } from "./rows.ts";

// Two connections at once: the lock the foreign key took, now taken by migration 0011's trigger.
let database: Database;
let reportId: number;

beforeAll(async () => {
  database = await testDatabase();
  ({ id: reportId } = await draftWithValues(database));
});
afterAll(() => database.close());

describe("values being written hold their report", () => {
  it("keeps a concurrent DELETE of the report waiting until the writer commits; then the values go with it", async () => {
    let commit = () => {};
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let written = () => {};
    const ready = new Promise<void>((resolve) => {
      written = resolve;
    });
    const writer = database.db.transaction(async (tx) => {
      await tx.execute(sql`update data_values set value = value + 1 where submission_id = ${reportId}`);
      written();
      await committing;
    });
    await ready;
    const blocked = await sqlState(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '300ms'`);
        await tx.execute(sql`delete from submissions where id = ${reportId}`);
      }),
    );
    expect(blocked).toBe("55P03");
    commit();
    await writer;
    await database.db.execute(sql`delete from submissions where id = ${reportId}`);
    const left = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from data_values where submission_id = ${reportId}`,
    );
    expect(left[0]?.n).toBe(0);
  });
});
