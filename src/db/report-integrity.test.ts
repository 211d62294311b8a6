import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlState, testDatabase } from "../../test/harness.ts";
import { draftWithValues } from "../submissions/test-helpers.ts";
import type { Database } from "./client.ts";
import { bulkTransaction } from "./copy.ts";
import { queryRows } from "./rows.ts";

// data_values has no foreign key to submissions (a row-by-row check on bulk COPY); the
// statement triggers of migration 0011 must give the same guarantees.
let database: Database;
let reportId: number;
let period: string;

const valueCount = async (id: number) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from data_values where submission_id = ${id}`,
    )
  )[0]?.n;

beforeAll(async () => {
  database = await testDatabase();
  ({ id: reportId, period } = await draftWithValues(database));
});
afterAll(() => database.close());

describe("a value belongs to a report that exists", () => {
  it("refuses an INSERT of a value whose report does not exist, and writes nothing", async () => {
    const state = await sqlState(() =>
      database.db.execute(
        sql`insert into data_values (submission_id, metric_id, unit_id, period, period_start, period_end, value)
            select ${reportId}, metric_id + 1000, unit_id, period, period_start, period_end, 1
            from data_values where submission_id = ${reportId}
            union all
            select 987654, metric_id, unit_id, period, period_start, period_end, 1
            from data_values where submission_id = ${reportId}`,
      ),
    );
    expect(state).toBe("23503");
    expect(await valueCount(reportId)).toBe(2);
  });

  it("refuses a COPY (the bulk path) with one row of a missing report, and the transaction rolls back", async () => {
    const line = (id: number, metric: number) =>
      `${id}\t${metric}\t1\t${period}\t2024-01-01\t2024-01-31\t5\n`;
    const target = "data_values (submission_id, metric_id, unit_id, period, period_start, period_end, value)";
    const state = await sqlState(() =>
      bulkTransaction(database.db, (_tx, copy) => copy(target, [line(reportId, 5001), line(987654, 5002)])),
    );
    expect(state).toBe("23503");
    expect(await valueCount(reportId)).toBe(2);
  });

  it("deletes a report's values with the report", async () => {
    await database.db.execute(sql`delete from submissions where id = ${reportId}`);
    expect(await valueCount(reportId)).toBe(0);
  });
});
