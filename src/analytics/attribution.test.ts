/**
 * The own-period view on the database (both engines), over random tree histories of 2024 played
 * through the unit service (moves, district closures, merges, splits, a new district): reports
 * approved before the changes (their roll-ups realigned by the changes) and after them. Then the
 * roll-ups equal a rebuild from the raw values, the answer from roll-ups equals the one from the
 * raw values, and for every unit the year is the sum of its quarters and of its months. Each run
 * builds its own province (codes prefixed R1_, R2_, …) in the same database.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { createForm } from "../forms/service.ts";
import { createMetrics } from "../metrics/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, submit } from "../submissions/workflow.ts";
import { closeUnit, createUnits, moveUnit } from "../units/service.ts";
import { type History, historyArb, MONTHS_2024, QUARTERS_2024 } from "./history.test-helper.ts";
import { expectSameAsRebuild } from "./rollup.test-helper.ts";

let t: TestApp;
let run = 0;

beforeAll(async () => {
  t = await testApp();
  await createMetrics(
    t.database.db,
    testActor,
    [
      { code: "FLOW", aggregation: "sum" as const },
      { code: "STOCK", aggregation: "last" as const },
    ].map((m) => ({ ...m, valueType: "number" as const, nameVi: `Chỉ số ${m.code}`, nameEn: m.code })),
  );
});
afterAll(() => t.close());

const TYPES = ["tỉnh", "huyện", "xã"];
const lastDay = (period: string) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4)), 0)).toISOString().slice(0, 10);

/** Creates the run's units (those opening in 2024 with their date) and a monthly form for all of them. */
async function setupRun(history: History, code: (c: string) => string, form: string): Promise<void> {
  await createUnits(
    t.database.db,
    testActor,
    history.units.map((u) => ({
      code: code(u.code),
      nameVi: `Đơn vị ${code(u.code)}`,
      kind: "territorial" as const,
      type: TYPES[u.level - 1] ?? "xã",
      parentCode: u.parentCode === null ? null : code(u.parentCode),
      validFrom: u.validFrom,
    })),
  );
  await createForm(t.database.db, testActor, {
    code: form,
    nameVi: "Biểu thử gán số liệu",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: [{ code: "FLOW" }, { code: "STOCK" }],
    unitCodes: history.units.map((u) => code(u.code)),
  });
}

/** The (unit, month) reports of a run: units on a day of the month, picked and valued by the stream. */
function reportsOf(history: History, stream: readonly number[]) {
  const closedOn = new Map(history.ops.flatMap((op) => (op.kind === "close" ? [[op.code, op.date]] : [])));
  const out: { unit: string; period: string; flow: number; stock: number }[] = [];
  let i = 0;
  for (const u of history.units) {
    for (const period of MONTHS_2024) {
      const closed = closedOn.get(u.code);
      if (
        u.validFrom > lastDay(period) ||
        (closed !== undefined && closed <= `${period.slice(0, 4)}-${period.slice(4)}-01`)
      )
        continue;
      const n = stream[i++ % stream.length] ?? 0;
      if (n > 0) out.push({ unit: u.code, period, flow: n, stock: (n * 7) % 50 });
    }
  }
  return out.slice(0, 30);
}

async function approveReport(form: string, unit: string, period: string, values: Record<string, number>) {
  const db = t.database.db;
  const draft = await saveDraft(db, testActor, null, {
    form,
    unit,
    period,
    values: Object.entries(values).map(([metric, value]) => ({ metric, value })),
  });
  const submitted = await submit(db, testActor, null, draft.id, draft.version);
  await approve(db, testActor, null, submitted.id, submitted.version);
}

async function playOps(history: History, code: (c: string) => string): Promise<void> {
  for (const op of history.ops) {
    if (op.kind === "move")
      await moveUnit(t.database.db, testActor, code(op.code), code(op.parentCode), op.date);
    else
      await closeUnit(t.database.db, testActor, code(op.code), {
        date: op.date,
        kind: op.closure,
        successorCodes: op.successors.map(code),
      });
  }
}

describe("own-period attribution on the database, over random tree histories", () => {
  it("keeps roll-ups equal to the raw values, and years equal to their quarters and months", {
    timeout: 180_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 40, maxLength: 90 }),
        async (history, stream) => {
          run += 1;
          const code = (c: string) => `R${run}_${c}`;
          const form = `F_R${run}`;
          await setupRun(history, code, form);
          const reports = reportsOf(history, stream);
          // Half approved before the tree changes (realigned by them), half after.
          for (const [i, r] of reports.entries())
            if (i % 2 === 0)
              await approveReport(form, code(r.unit), r.period, { FLOW: r.flow, STOCK: r.stock });
          await playOps(history, code);
          for (const [i, r] of reports.entries())
            if (i % 2 === 1)
              await approveReport(form, code(r.unit), r.period, { FLOW: r.flow, STOCK: r.stock });
          await expectSameAsRebuild(t.database.db);

          const viewer = await signIn(t, `viewer${run}`, [{ role: "viewer", unitCode: code("P") }]);
          const codes = history.units.map((u) => code(u.code));
          const query = `dimension=dx:FLOW;STOCK&dimension=pe:2024;${QUARTERS_2024.join(";")};${MONTHS_2024.join(";")}&dimension=ou:${codes.join(";")}`;
          const ask = async (extra: string) => {
            const res = await t.app.inject({
              method: "GET",
              url: `/api/analytics?${query}${extra}`,
              headers: viewer,
            });
            expect(res.statusCode, res.body).toBe(200);
            return res.json() as { rows: string[][]; metaData: { view: string } };
          };
          const fromRollups = await ask("");
          // includeUnapproved reads the raw values; every report here is approved.
          const fromRaw = await ask("&includeUnapproved=true");
          expect(fromRollups.metaData.view).toBe("own-period");
          expect(fromRollups.rows).toEqual(fromRaw.rows);
          const at = new Map(fromRollups.rows.map(([dx, pe, ou, v]) => [`${dx}|${pe}|${ou}`, Number(v)]));
          const flow = (pe: string, ou: string) => at.get(`FLOW|${pe}|${ou}`) ?? 0;
          for (const ou of codes) {
            expect(
              QUARTERS_2024.reduce((n, q) => n + flow(q, ou), 0),
              ou,
            ).toBe(flow("2024", ou));
            expect(
              MONTHS_2024.reduce((n, m) => n + flow(m, ou), 0),
              ou,
            ).toBe(flow("2024", ou));
          }
          // Nothing lost: the province's year is every report's flow.
          expect(flow("2024", code("P"))).toBe(reports.reduce((n, r) => n + r.flow, 0));
        },
      ),
      { numRuns: 3, endOnFailure: true },
    );
    expect(run).toBe(3);
  });
});
