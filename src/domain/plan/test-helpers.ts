import { expect } from "vitest";
import { addDays } from "../period/index.ts";
import { PlanError, type PlanErrorCode } from "./errors.ts";
import type { IndicatorSpec, Observation, StatusResult } from "./types.ts";

/** Day 0 of the test plans: 2023-01-01. */
export const START = "2023-01-01";

/** The ISO date `n` days after START. */
export function day(n: number): string {
  return addDays(START, n);
}

/** An observation on day `n`, with a period id derived from the date. */
export function obs(n: number, value: number | null): Observation {
  const date = day(n);
  return { period: date.replaceAll("-", ""), date, value };
}

/** A plan of exactly 100 days (day 0 to day 100), so shares read as plain percentages. */
export const UP: IndicatorSpec = {
  kind: "numeric",
  direction: "up",
  baseline: 0,
  baselineDate: START,
  target: 100,
  deadline: day(100),
};

/** The mirror of UP: from 100 down to 0. */
export const DOWN: IndicatorSpec = { ...UP, direction: "down", baseline: 100, target: 0 };

export function expectPlanError(fn: () => unknown, code: PlanErrorCode, path?: string): PlanError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PlanError);
  const error = caught as PlanError;
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  expect(error.messageVi.length).toBeGreaterThan(0);
  expect(error.messageEn).toBe(error.message);
  return error;
}

/** Every number in the result is finite or null: never NaN or Infinity. */
export function expectFiniteEvidence(r: StatusResult): void {
  for (const key of [
    "current",
    "baseline",
    "progress",
    "expectedProgress",
    "forecast",
    "requiredPace",
  ] as const) {
    const v = r[key];
    if (v !== null) expect(Number.isFinite(v), `${key} = ${v}`).toBe(true);
  }
}
