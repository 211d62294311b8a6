/** Compares the maintained roll-ups with a rebuild from data_values. Only tests import this file. */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { verifyRollups } from "./rollup-verify.ts";

/** Every roll-up row, keyed by metric, unit and period codes, its figures as exact text. */
export async function rollupRows(conn: Conn): Promise<Map<string, Record<string, string>>> {
  const rows = await queryRows<{ key: string } & Record<string, string>>(
    conn,
    sql`select m.code || '|' || u.code || '|' || r.period as key, trim_scale(r.value_sum)::text as "valueSum",
               r.value_count::text as "valueCount", trim_scale(r.weighted_sum)::text as "weightedSum",
               trim_scale(r.weight_sum)::text as "weightSum", r.weighted_count::text as "weightedCount",
               r.negative_weights::text as "negativeWeights"
        from rollups r join metrics m on m.id = r.metric_id join units u on u.id = r.unit_id
        order by 1`,
  );
  return new Map(rows.map(({ key, ...rest }) => [key, rest]));
}

/** The maintained roll-ups equal, exactly and row for row, those rebuilt from data_values; returns the number of rows. */
export async function expectSameAsRebuild(conn: Conn): Promise<number> {
  const result = await verifyRollups(conn);
  expect(result.built).toBe(true);
  expect(result.differences).toEqual([]);
  return result.rows;
}
