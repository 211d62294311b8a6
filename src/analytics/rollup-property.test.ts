/**
 * A property of roll-up maintenance: after any sequence of approvals and reopens — values with
 * decimals, a weighted average, a second form carrying the same metric — the stored roll-ups
 * equal a rebuild exactly, and no row is left holding nothing. Each run continues from the state
 * the previous ones left (the property holds from any state), on the tiny tree.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, testActor, testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { createForm } from "../forms/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, reopen, submit } from "../submissions/workflow.ts";
import { FORM, setupReporting } from "./fixtures.test-helper.ts";
import { expectSameAsRebuild } from "./rollup.test-helper.ts";

const OTHER_FORM = "F_OTHER";
const UNITS = ["C11", "C12", "C21", "D1"] as const;
const METRICS = ["TOTAL", "POP", "SCORE", "MEAN"] as const;

let database: Database;
/** form|unit|period → the report's id, version and whether it is approved. */
const reports = new Map<string, { id: number; version: number; approved: boolean }>();

beforeAll(async () => {
  database = await testDatabase();
  await seedTinyTree(database);
  await setupReporting(
    database.db,
    [
      { code: "TOTAL", aggregation: "sum" },
      { code: "POP", aggregation: "sum" },
      { code: "SCORE", aggregation: "average", weightMetricCode: "POP" },
      { code: "MEAN", aggregation: "average" },
    ],
    [...UNITS],
  );
  await createForm(database.db, testActor, {
    code: OTHER_FORM,
    nameVi: "Biểu khác",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: [{ code: "TOTAL" }, { code: "POP" }],
    unitCodes: ["C11", "C12"],
  });
});
afterAll(() => database.close());

/** Tenths, so that float sums would leave residue (0.1 + 0.2 − 0.1 ≠ 0.2); weights may be negative. */
const tenths = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10);
const step = fc.record({
  form: fc.constantFrom(FORM, FORM, OTHER_FORM),
  unit: fc.constantFrom(...UNITS),
  period: fc.constantFrom("202301", "202302", "202303"),
  values: fc.record({
    TOTAL: fc.option(tenths(-30, 300), { nil: null }),
    POP: fc.option(tenths(-2, 40), { nil: null }),
    SCORE: fc.option(tenths(0, 1000), { nil: null }),
    MEAN: fc.option(tenths(-50, 50), { nil: null }),
  }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Approves the report with these values, or reopens it when it is approved. */
async function play(s: Step): Promise<void> {
  const unit = s.form === OTHER_FORM && s.unit !== "C11" && s.unit !== "C12" ? "C11" : s.unit;
  const key = `${s.form}|${unit}|${s.period}`;
  const known = reports.get(key);
  if (known?.approved) {
    const r = await reopen(database.db, testActor, null, known.id, known.version, "Sai số liệu", 3);
    reports.set(key, { id: r.id, version: r.version, approved: false });
    return;
  }
  const carried = s.form === OTHER_FORM ? ["TOTAL", "POP"] : METRICS;
  const values = carried.map((metric) => ({ metric, value: s.values[metric as keyof Step["values"]] }));
  const draft = await saveDraft(database.db, testActor, null, {
    form: s.form,
    unit,
    period: s.period,
    version: known?.version ?? null,
    values,
  });
  const submitted = await submit(database.db, testActor, null, draft.id, draft.version);
  const approved = await approve(database.db, testActor, null, submitted.id, submitted.version);
  reports.set(key, { id: approved.id, version: approved.version, approved: true });
}

describe("roll-ups under random approve/reopen sequences", () => {
  it("equal a rebuild exactly after every sequence", { timeout: 120_000 }, async () => {
    let played = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 12 }), async (steps) => {
        for (const s of steps) await play(s);
        played += steps.length;
        await expectSameAsRebuild(database.db);
      }),
      { numRuns: 3, endOnFailure: true },
    );
    expect(played).toBeGreaterThanOrEqual(24);
  });
});
