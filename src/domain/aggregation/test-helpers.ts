import { parsePeriod, periodStart } from "../period/index.ts";
import type { ValueRecord } from "./types.ts";

/** Test helper: a record whose periodStart agrees with its period. */
export function rec(unitId: number, period: string, value: number): ValueRecord {
  return { unitId, period, periodStart: periodStart(parsePeriod(period)), value };
}
