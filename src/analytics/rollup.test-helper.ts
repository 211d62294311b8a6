/** Compares the maintained roll-ups with a rebuild from data_values. Only tests import this file. */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { rebuildRollups } from "./rollup-rebuild.ts";

interface Row {
  key: string;
  valueSum: number;
  valueCount: number;
  weightedSum: number;
  weightSum: number;
  weightedCount: number;
  negativeWeights: number;
}

/** The roll-up rows that hold something, keyed by metric, unit and period codes. */
export async function rollupRows(conn: Conn): Promise<Rows> {
  const rows = await queryRows<Row>(
    conn,
    sql`select m.code || '|' || u.code || '|' || r.period as key, r.value_sum as "valueSum",
               r.value_count as "valueCount", r.weighted_sum as "weightedSum", r.weight_sum as "weightSum",
               r.weighted_count as "weightedCount", r.negative_weights as "negativeWeights"
        from rollups r join metrics m on m.id = r.metric_id join units u on u.id = r.unit_id
        where r.value_count <> 0 or r.weighted_count <> 0 or r.negative_weights <> 0
        order by 1`,
  );
  return new Map(rows.map(({ key, ...rest }) => [key, rest]));
}

type Rows = Map<string, Omit<Row, "key">>;

/** Same rows, same numbers to the last few bits (sums in another order differ there only). */
export function expectRowsClose(actual: Rows, expected: Rows): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [key, row] of expected) {
    const kept = actual.get(key);
    expect(kept, key).toBeDefined();
    for (const [column, value] of Object.entries(row)) {
      const got = kept?.[column as keyof typeof row] ?? Number.NaN;
      expect(Math.abs(got - value), `${key} ${column}: ${got} vs ${value}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(value)),
      );
    }
  }
}

/** The maintained roll-ups equal those rebuilt from data_values; returns the number of rows. */
export async function expectSameAsRebuild(conn: Conn): Promise<number> {
  const maintained = await rollupRows(conn);
  await rebuildRollups(conn);
  const rebuilt = await rollupRows(conn);
  expectRowsClose(maintained, rebuilt);
  return rebuilt.size;
}
