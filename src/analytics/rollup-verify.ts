/**
 * `chiso rollups verify`: the stored roll-ups against a fresh rebuild from the approved values.
 * The rebuild runs in a transaction that is rolled back, so nothing changes; writers of roll-ups
 * wait for it as they wait for `chiso rollups rebuild`.
 */
import { sql, TransactionRollbackError } from "drizzle-orm";
import { z } from "zod";
import type { Conn } from "../db/client.ts";
import { parsedRows } from "../db/rows.ts";
import { rebuildRollups } from "./rollup-rebuild.ts";
import { rollupsBuilt } from "./rollup-store.ts";

/** One column of one roll-up row whose stored figure is not the rebuilt one (null: no row). */
export interface RollupDifference {
  unit: string;
  metric: string;
  period: string;
  column: string;
  stored: string | null;
  expected: string | null;
}

export interface VerifyResult {
  /** False when the roll-ups are not built yet (analytics reads the raw values): nothing compared. */
  built: boolean;
  /** Rows of the rebuild. */
  rows: number;
  differences: RollupDifference[];
  /** All differences, of which at most `limit` are listed. */
  total: number;
}

const difference = z.object({
  unit: z.string(),
  metric: z.string(),
  period: z.string(),
  column: z.string(),
  stored: z.string().nullable(),
  expected: z.string().nullable(),
  total: z.int(),
});

const FIGURES = [
  "value_sum",
  "value_count",
  "weighted_sum",
  "weight_sum",
  "weighted_count",
  "negative_weights",
];

/** Every differing figure, in unit, metric, period order (at most `limit` listed). */
function differencesQuery(limit: number) {
  const columns = sql.raw(
    FIGURES.map((c) => `('${c}', s.${c}::numeric, r.${c}::numeric)`).join(",\n                 "),
  );
  return sql`select u.code as unit, m.code as metric, coalesce(s.period, r.period) as period, c.name as column,
                    trim_scale(c.stored)::text as stored, trim_scale(c.expected)::text as expected,
                    count(*) over ()::int as total
             from rollups_stored s
             full join rollups r on r.metric_id = s.metric_id and r.unit_id = s.unit_id
                                and r.period_start = s.period_start and r.period = s.period
             cross join lateral (values ${columns}) as c(name, stored, expected)
             join units u on u.id = coalesce(s.unit_id, r.unit_id)
             join metrics m on m.id = coalesce(s.metric_id, r.metric_id)
             where c.stored is distinct from c.expected
             order by u.code, m.code, coalesce(s.period_start, r.period_start), 3, c.name
             limit ${limit}`;
}

/** Compares the stored roll-ups with a rebuild, changing nothing; lists at most `limit` differences. */
export async function verifyRollups(conn: Conn, limit = 1000): Promise<VerifyResult> {
  if (!(await rollupsBuilt(conn))) return { built: false, rows: 0, differences: [], total: 0 };
  let result: VerifyResult = { built: true, rows: 0, differences: [], total: 0 };
  try {
    await conn.transaction(async (tx) => {
      await tx.execute(sql`create temporary table rollups_stored on commit drop as select * from rollups`);
      const { rows } = await rebuildRollups(tx);
      const found = await parsedRows(tx, difference, differencesQuery(limit));
      result = {
        built: true,
        rows,
        differences: found.map(({ total: _, ...d }) => d),
        total: found[0]?.total ?? 0,
      };
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return result;
}
