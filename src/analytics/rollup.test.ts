import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { createForm } from "../forms/service.ts";
import { updateMetric } from "../metrics/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, reopen, submit } from "../submissions/workflow.ts";
import { closeUnit, createUnits, moveUnit } from "../units/service.ts";
import { FORM, report, setupReporting } from "./fixtures.test-helper.ts";
import { expectSameAsRebuild as sameAsRebuild } from "./rollup.test-helper.ts";
import { rebuildRollups } from "./rollup-rebuild.ts";
import { verifyRollups } from "./rollup-verify.ts";

let t: TestApp;
let viewer: { cookie: string };

async function expectSameAsRebuild(): Promise<void> {
  expect(await sameAsRebuild(t.database.db)).toBeGreaterThan(0);
}

async function setBuilt(built: boolean) {
  await t.database.db.execute(sql`update rollup_state set built = ${built} where id = 1`);
}

async function rows(query: string): Promise<string[][]> {
  const res = await t.app.inject({ method: "GET", url: `/api/analytics?${query}`, headers: viewer });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: string[][] }).rows;
}

/** The same request answered from roll-ups and from the raw values. */
async function expectSameAnswers(query: string): Promise<string[][]> {
  const fromRollups = await rows(query);
  await setBuilt(false);
  try {
    expect(fromRollups, query).toEqual(await rows(query));
  } finally {
    await setBuilt(true);
  }
  return fromRollups;
}

const ALL = "dx:SERVICES;SUBSCRIBERS;POP;SCORE;AVG;DONE;TOTAL;RATE;TARGET;FLAG";
const QUERIES = [
  `dimension=${ALL}&dimension=pe:202307;202308;202309;2023Q3;2023&dimension=ou:P;D1;D2;C11;C12;C21;S1`,
  `dimension=${ALL}&dimension=pe:202309&dimension=ou:LEVEL-2`,
  `dimension=${ALL}&filter=pe:202308;202309&dimension=ou:P;D1`,
  `dimension=${ALL}&dimension=pe:202309&filter=ou:D1;C11;C21`,
  `dimension=${ALL}&dimension=pe:2023Q3;202309&dimension=ou:P;D1;D2&asOf=2026-01-01`,
];

async function expectAllSame(): Promise<void> {
  for (const q of QUERIES) await expectSameAnswers(q);
}

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await createUnits(t.database.db, testActor, [
    {
      code: "C13",
      nameVi: "Xã Một Ba",
      kind: "territorial",
      type: "xã",
      parentCode: "D1",
      validFrom: "2020-01-01",
    },
  ]);
  await setupReporting(
    t.database.db,
    [
      { code: "SERVICES", aggregation: "sum", valueType: "integer" },
      { code: "SUBSCRIBERS", aggregation: "last", valueType: "integer" },
      { code: "POP", aggregation: "sum", valueType: "integer" },
      { code: "SCORE", aggregation: "average", weightMetricCode: "POP" },
      { code: "AVG", aggregation: "average" },
      { code: "DONE", aggregation: "sum", valueType: "integer" },
      { code: "TOTAL", aggregation: "sum", valueType: "integer" },
      { code: "RATE", aggregation: "formula", valueType: "percent", formula: "#{DONE} / #{TOTAL} * 100" },
      { code: "TARGET", aggregation: "none" },
      { code: "FLAG", aggregation: "sum", valueType: "boolean" },
    ],
    ["C11", "C12", "C13", "C21", "S1", "D1"],
  );
  // A second form carrying SERVICES too: one value per metric, unit and period counts.
  await createForm(t.database.db, testActor, {
    code: "F_OTHER",
    nameVi: "Biểu khác",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: [{ code: "SERVICES" }, { code: "AVG" }],
    unitCodes: ["C11", "C12"],
  });
  viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
});
afterAll(() => t.close());

describe("roll-ups maintained in the write transaction", () => {
  it("equal a rebuild after approvals, and analytics answers equal the raw path", async () => {
    const reports: [string, string, Record<string, number>][] = [
      ["C11", "202307", { SERVICES: 10, SUBSCRIBERS: 100, AVG: 1.5 }],
      ["C11", "202308", { SERVICES: 20, SUBSCRIBERS: 110 }],
      ["C11", "202309", { SERVICES: 30, SCORE: 80, POP: 1000, DONE: 9, TOTAL: 11, TARGET: 5, FLAG: 1 }],
      ["C12", "202307", { SUBSCRIBERS: 50, AVG: 2.25 }],
      ["C12", "202309", { SERVICES: 5, SUBSCRIBERS: 70, SCORE: 50, POP: 3000, DONE: 2, TOTAL: 30, FLAG: 0 }],
      ["C13", "202309", { SERVICES: 2, SCORE: 70, POP: 500, SUBSCRIBERS: 3 }],
      ["C21", "202309", { SERVICES: 7, SCORE: 90, POP: 1000, DONE: 0, TOTAL: 0, FLAG: 1 }],
      ["S1", "202309", { SERVICES: 100 }],
      ["D1", "202309", { TARGET: 50, SERVICES: 1 }],
    ];
    for (const [unit, period, values] of reports) await report(t.database.db, { unit, period, values });
    await report(t.database.db, {
      unit: "C21",
      period: "202308",
      values: { SERVICES: 1000 },
      status: "submitted",
    });
    await expectSameAsRebuild();
    expect(
      await expectSameAnswers("dimension=dx:SERVICES;RATE;SCORE&dimension=pe:202309&dimension=ou:P;D1"),
    ).toEqual([
      ["SERVICES", "202309", "P", "145"],
      ["SERVICES", "202309", "D1", "38"],
      ["RATE", "202309", "P", "26.8293"],
      ["RATE", "202309", "D1", "26.8293"],
      ["SCORE", "202309", "P", "64.5455"],
      ["SCORE", "202309", "D1", "58.8889"],
    ]);
    await expectAllSame();
    // The answers do come from the roll-ups: a (deliberately) wrong roll-up row shows.
    await t.database.db.execute(
      sql`update rollups set value_sum = value_sum + 1000
          where metric_id = (select id from metrics where code = 'SERVICES')
            and unit_id = (select id from units where code = 'P') and period = '202309'`,
    );
    expect(await rows("dimension=dx:SERVICES&dimension=pe:202309&dimension=ou:P")).toEqual([
      ["SERVICES", "202309", "P", "1145"],
    ]);
    // … and `chiso rollups verify` names it, changing nothing.
    const verified = await verifyRollups(t.database.db);
    expect(verified.differences).toEqual([
      {
        unit: "P",
        metric: "SERVICES",
        period: "202309",
        column: "value_sum",
        stored: "1145",
        expected: "145",
      },
    ]);
    expect(verified.total).toBe(1);
    expect(await rows("dimension=dx:SERVICES&dimension=pe:202309&dimension=ou:P")).toEqual([
      ["SERVICES", "202309", "P", "1145"],
    ]);
    await rebuildRollups(t.database.db);
  });

  it("count one value per metric when a second form's report is approved for the same unit and period", async () => {
    const draft = await saveDraft(t.database.db, testActor, null, {
      form: "F_OTHER",
      unit: "C11",
      period: "202309",
      values: [
        { metric: "SERVICES", value: 33 },
        { metric: "AVG", value: 4 },
      ],
    });
    const submitted = await submit(t.database.db, testActor, null, draft.id, draft.version);
    await approve(t.database.db, testActor, null, submitted.id, submitted.version);
    await expectSameAsRebuild();
    // The other form's value was changed last: it replaces C11's 30, it is not added to it.
    expect(await expectSameAnswers("dimension=dx:SERVICES&dimension=pe:202309&dimension=ou:D1")).toEqual([
      ["SERVICES", "202309", "D1", "41"],
    ]);
  });

  it("take a reopened approved report out again", async () => {
    const [row] = await queryRows<{ id: number; version: number }>(
      t.database.db,
      sql`select s.id, s.version from submissions s join units u on u.id = s.unit_id join forms f on f.id = s.form_id
          where u.code = 'C12' and s.period = '202309' and f.code = ${FORM}`,
    );
    await reopen(t.database.db, testActor, null, row?.id ?? 0, row?.version ?? 0, "Sai số liệu", 3);
    await expectSameAsRebuild();
    expect(
      await expectSameAnswers("dimension=dx:SERVICES;SUBSCRIBERS&dimension=pe:202309&dimension=ou:D1"),
    ).toEqual([
      ["SERVICES", "202309", "D1", "36"],
      ["SUBSCRIBERS", "202309", "D1", "3"],
    ]);
    await expectAllSame();
  });

  it("follow a unit moved to another district in the past", async () => {
    await moveUnit(t.database.db, testActor, "C13", "D2", "2023-08-15");
    await expectSameAsRebuild();
    expect(await expectSameAnswers("dimension=dx:SERVICES&dimension=pe:202309&dimension=ou:D1;D2")).toEqual([
      ["SERVICES", "202309", "D1", "34"],
      ["SERVICES", "202309", "D2", "9"],
    ]);
    await expectAllSame();
  });

  it("follow a unit closed into a successor, with its children moved first", async () => {
    await moveUnit(t.database.db, testActor, "C21", "D1", "2023-09-10");
    await moveUnit(t.database.db, testActor, "C13", "D1", "2023-09-10");
    await closeUnit(t.database.db, testActor, "D2", {
      date: "2023-09-20",
      kind: "merge",
      successorCodes: ["D1"],
    });
    await expectSameAsRebuild();
    await expectAllSame();
  });

  it("recompute a weighted average when its weight metric changes", async () => {
    await updateMetric(t.database.db, testActor, "SCORE", { weightMetricCode: "SERVICES" });
    await expectSameAsRebuild();
    await expectAllSame();
  });
});
