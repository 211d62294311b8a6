import { seedTinyTree, testActor } from "../../test/harness.ts";
import * as clock from "../config/clock.ts";
import type { Database } from "../db/client.ts";
import { formatPeriod, periodOf, previousPeriod, shiftPeriod, vietnamDate } from "../domain/period/index.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { saveDraft } from "./service.ts";

/** Last month as a period id: ended, and never past the fixture form's lock date (35 days). */
export function lastMonth(now = clock.now()): string {
  return formatPeriod(previousPeriod(periodOf("month", vietnamDate(now))));
}

export function monthsFromNow(steps: number, now = clock.now()): string {
  return formatPeriod(shiftPeriod(periodOf("month", vietnamDate(now)), steps));
}

/** The tiny tree and the fixture form, with one draft of C11 for last month holding two values. */
export async function draftWithValues(database: Database): Promise<{ id: number; period: string }> {
  await seedTinyTree(database);
  await seedReporting(database.db);
  const period = lastMonth();
  const values = [
    { metric: "RECEIVED", value: 120 },
    { metric: "ANSWERED", value: 100 },
  ];
  const saved = await saveDraft(database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C11",
    period,
    values,
  });
  return { id: saved.id, period };
}
