import { boolean, date, integer, numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Số liệu tổng hợp sẵn (roll-ups): for each stored metric, each unit that has units below it
 * and each stored period, the approved values of every unit strictly below it in the unit tree
 * as of the period's last day, pre-aggregated. Maintained in the same transaction as every
 * write that changes approved data (src/analytics/rollup.ts); `chiso rollups rebuild` recomputes
 * it from data_values. The unit's own values are not included: analytics reads them directly.
 * Sums are `numeric`, exact (each value counts as the decimal it prints as): adding and
 * subtracting approvals leaves no residue, and a row whose counts reach zero is removed.
 */
export const rollups = pgTable(
  "rollups",
  {
    metricId: integer("metric_id").notNull(),
    /** The ancestor the values roll up into (never the reporting unit itself). */
    unitId: integer("unit_id").notNull(),
    periodStart: date("period_start").notNull(),
    period: text("period").notNull(),
    periodEnd: date("period_end").notNull(),
    /** Σ value and the number of values (sum, yes/no, last within one period, plain average). */
    valueSum: numeric("value_sum").notNull().default("0"),
    valueCount: integer("value_count").notNull().default(0),
    /** Weighted average: Σ value·weight and Σ weight over the values that have a weight. */
    weightedSum: numeric("weighted_sum").notNull().default("0"),
    weightSum: numeric("weight_sum").notNull().default("0"),
    weightedCount: integer("weighted_count").notNull().default(0),
    /** Negative weights met (the engine gives no figure for such a cell). */
    negativeWeights: integer("negative_weights").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.unitId, t.periodStart, t.period] })],
);

/**
 * One row: whether `rollups` reflects data_values. False after the migration on a database that
 * already held values, until `chiso migrate` (or `chiso rollups rebuild`) backfills it; analytics
 * reads the raw values meanwhile. Writers read it with FOR SHARE, the rebuild locks it FOR UPDATE.
 */
export const rollupState = pgTable("rollup_state", {
  id: integer("id").primaryKey().default(1),
  built: boolean("built").notNull(),
});
