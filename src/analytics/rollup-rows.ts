/**
 * The rows that roll-up maintenance and the roll-up read take from raw SQL, parsed at the
 * boundary: sums come as `numeric` text and become exact decimals, counts and ids as integers,
 * values as finite numbers.
 */
import { z } from "zod";
import { parseExact } from "../domain/number/index.ts";

const id = z.int();
const count = z.int();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A `numeric` selected as text (`sum(…)::text`): plain decimal digits, exactly. */
export const exactColumn = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(parseExact);

const stored = { metricId: id, unitId: id, period: z.string(), periodStart: date, periodEnd: date };

/** One value of a (unit, period) slice, with what decides whether it counts. */
export const sliceRow = z.object({
  ...stored,
  submissionId: id,
  approved: z.boolean(),
  /** Seconds since the epoch of the value's last change. */
  updatedAt: z.number(),
  value: z.number(),
});
export type SliceRow = z.output<typeof sliceRow>;

const partialColumns = {
  valueSum: exactColumn,
  valueCount: count,
  weightedSum: exactColumn,
  weightSum: exactColumn,
  weightedCount: count,
  negativeWeights: count,
};

/** Sums of one metric and period over the reporting units below one parent. */
export const parentRow = z.object({
  metricId: id,
  parentId: id,
  period: z.string(),
  periodStart: date,
  periodEnd: date,
  ...partialColumns,
});
export type ParentRow = z.output<typeof parentRow>;

/** One stored roll-up row. */
export const rollupRow = z.object({ ...stored, ...partialColumns });
export type RollupRow = z.output<typeof rollupRow>;

/** One stored value (a cover unit's own). */
export const storedValue = z.object({ ...stored, value: z.number() });

/** The columns of `rollups` that hold figures, as `rollupRow` parses them (alias `r`). */
export const ROLLUP_FIGURES = `r.value_sum::text as "valueSum", r.value_count as "valueCount",
  r.weighted_sum::text as "weightedSum", r.weight_sum::text as "weightSum",
  r.weighted_count as "weightedCount", r.negative_weights as "negativeWeights"`;
