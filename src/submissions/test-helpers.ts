import type { TestApp } from "../../test/harness.ts";
import { formatPeriod, periodOf, previousPeriod, shiftPeriod, vietnamDate } from "../domain/period/index.ts";

/** Last month as a period id: ended, and never past the fixture form's lock date (35 days). */
export function lastMonth(now = new Date()): string {
  return formatPeriod(previousPeriod(periodOf("month", vietnamDate(now))));
}

export function monthsFromNow(steps: number, now = new Date()): string {
  return formatPeriod(shiftPeriod(periodOf("month", vietnamDate(now)), steps));
}

export type Headers = { cookie: string };

/** Short HTTP helpers over app.inject for one test app. */
export function http(t: TestApp) {
  return {
    get: (url: string, headers: Headers) => t.app.inject({ method: "GET", url, headers }),
    put: (url: string, payload: object, headers: Headers) =>
      t.app.inject({ method: "PUT", url, payload, headers }),
    post: (url: string, payload: object, headers: Headers) =>
      t.app.inject({ method: "POST", url, payload, headers }),
  };
}
