import { contains, formatPeriod, type Period, parsePeriod, periodEnd, periodStart } from "../period/index.ts";
import { AggregationError } from "./errors.ts";
import { aggregationMessages as m } from "./messages.ts";
import type { ValueRecord } from "./types.ts";

/** A checked record with its period read and canonical. */
export interface Row {
  readonly unitId: number;
  readonly period: Period;
  readonly periodId: string;
  readonly start: string;
  readonly end: string;
  readonly value: number;
}

/**
 * Checks the records, keeps those inside `within`, refuses two values for the same unit
 * and period, and sorts them by unit, then period end, then period start. Aggregating in
 * this fixed order makes every result independent of the input order, to the last bit.
 */
export function prepareRows(records: readonly ValueRecord[], within?: Period): Row[] {
  const rows = records.map(toRow).filter((row) => within === undefined || contains(within, row.period));
  rows.sort(compareRows);
  rejectDuplicates(rows);
  return rows;
}

function toRow(record: ValueRecord): Row {
  const period = parsePeriod(record.period);
  const periodId = formatPeriod(period);
  if (!Number.isSafeInteger(record.unitId))
    throw new AggregationError("INVALID_UNIT", m.invalidUnit(record.unitId));
  if (typeof record.value !== "number" || !Number.isFinite(record.value)) {
    throw new AggregationError("INVALID_VALUE", m.invalidValue(record.unitId, periodId));
  }
  const start = periodStart(period);
  if (record.periodStart !== start) {
    throw new AggregationError(
      "START_MISMATCH",
      m.startMismatch(periodId, String(record.periodStart), start),
    );
  }
  return { unitId: record.unitId, period, periodId, start, end: periodEnd(period), value: record.value };
}

function compareRows(a: Row, b: Row): number {
  return a.unitId - b.unitId || compareText(a.end, b.end) || compareText(a.start, b.start);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function rejectDuplicates(sorted: readonly Row[]): void {
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a !== undefined && b !== undefined && a.unitId === b.unitId && a.periodId === b.periodId) {
      throw new AggregationError("DUPLICATE_RECORD", m.duplicate(b.unitId, b.periodId));
    }
  }
}

/** Sums in the given order; null for no values or a sum that is not finite. */
export function sumOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v;
  return Number.isFinite(total) ? total : null;
}

/** The value keyed by unit and canonical period id. */
export function rowKey(row: Pick<Row, "unitId" | "periodId">): string {
  return `${row.unitId}|${row.periodId}`;
}
