import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readValue } from "../src/domain/report/index.ts";
import type { AppError } from "../src/errors/app-error.ts";
import { fixtureMetrics, seedReporting } from "../src/forms/test-fixtures.ts";
import { bulkLoadReports } from "../src/scale/bulk.ts";
import { saveDraft } from "../src/submissions/service.ts";
import { submit } from "../src/submissions/workflow.ts";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testActor, testApp } from "./harness.ts";
import { LAST_MONTH } from "./test-clock.ts";

/**
 * One rule, one place (issue 19.3): the same write refused the same way, code and field, by the
 * web save, the JSON and CSV imports, the bulk loader and the browser's value check. The reporter
 * writes D1's communes (C11, C12) and the agency S1, which is not assigned the form.
 */
type Path = "save" | "json" | "csv" | "bulk" | "browser";
interface Answer {
  code: string;
  /** The field refused: value, metric, unit, period; null when the whole write is refused. */
  field: string | null;
  /** The value problem's code, where a value is refused. */
  issue?: string;
}
interface Case {
  name: string;
  unit: string;
  period: string;
  metric: string;
  value: string;
  answer: Answer;
  /** The paths it applies to: the bulk loader writes new reports on the system's authority. */
  paths: Path[];
}

const every: Path[] = ["save", "json", "csv", "bulk"];
const userPaths: Path[] = ["save", "json", "csv"];
const valuePaths: Path[] = [...every, "browser"];
const LOCKED_MONTH = "202608"; // due 05/09/2026, locked after 05/10/2026
const NOT_STARTED = "202612";

const cases: Case[] = [
  {
    name: "a locked period with a bad value: the lock wins (423)",
    ...{ unit: "C11", period: LOCKED_MONTH, metric: "RECEIVED", value: "abc" },
    answer: { code: "LOCKED", field: null },
    paths: userPaths,
  },
  {
    name: "a value that is not a number",
    ...{ unit: "C11", period: LAST_MONTH, metric: "RECEIVED", value: "abc" },
    answer: { code: "VALIDATION_FAILED", field: "value", issue: "not_number" },
    paths: valuePaths,
  },
  {
    name: "a percentage above 100",
    ...{ unit: "C11", period: LAST_MONTH, metric: "ONLINE_RATE", value: "120" },
    answer: { code: "VALIDATION_FAILED", field: "value", issue: "above_max" },
    paths: valuePaths,
  },
  {
    name: "a count below its minimum",
    ...{ unit: "C11", period: LAST_MONTH, metric: "RECEIVED", value: "-5" },
    answer: { code: "VALIDATION_FAILED", field: "value", issue: "below_min" },
    paths: valuePaths,
  },
  {
    name: "a fraction for a whole number",
    ...{ unit: "C11", period: LAST_MONTH, metric: "RECEIVED", value: "1.5" },
    answer: { code: "VALIDATION_FAILED", field: "value", issue: "not_integer" },
    paths: valuePaths,
  },
  {
    name: "a metric the form does not have",
    ...{ unit: "C11", period: LAST_MONTH, metric: "NOPE", value: "1" },
    answer: { code: "VALIDATION_FAILED", field: "metric" },
    paths: every,
  },
  {
    name: "a unit outside the writer's scope, with a bad value: the scope wins",
    ...{ unit: "C21", period: LAST_MONTH, metric: "RECEIVED", value: "abc" },
    answer: { code: "OUT_OF_SCOPE", field: null },
    paths: userPaths,
  },
  {
    name: "a unit not assigned the form, with a bad value: the assignment wins",
    ...{ unit: "S1", period: LAST_MONTH, metric: "RECEIVED", value: "abc" },
    answer: { code: "VALIDATION_FAILED", field: "unit" },
    paths: every,
  },
  {
    name: "a period not started, with a bad value: the period wins",
    ...{ unit: "C11", period: NOT_STARTED, metric: "RECEIVED", value: "abc" },
    answer: { code: "VALIDATION_FAILED", field: "period" },
    paths: every,
  },
  {
    name: "a submitted report, with a bad value: its status wins",
    ...{ unit: "C12", period: LAST_MONTH, metric: "RECEIVED", value: "abc" },
    answer: { code: "INVALID_TRANSITION", field: null },
    paths: userPaths,
  },
];

/** `values.0.value` → `value`, `reports.0.unit` → `unit`, DHIS2's `dataElement` → `metric`. */
function field(path: string | undefined): string | null {
  if (path === undefined) return null;
  const last = path.split(".").at(-1) ?? path;
  return last === "dataElement" ? "metric" : last;
}

function fromError(body: { error: { code: string; details: { path: string; code?: string }[] } }): Answer {
  const [first] = body.error.details;
  const issue = first?.code;
  return { code: body.error.code, field: field(first?.path), ...(issue ? { issue } : {}) };
}

/** An import conflict: its property is the error code of a refusal without a field. */
function fromConflict(conflicts: { property: string }[]): Answer {
  const property = conflicts[0]?.property ?? "";
  return /^[A-Z_]+$/.test(property)
    ? { code: property, field: null }
    : { code: "VALIDATION_FAILED", field: field(property) };
}

let t: TestApp;
let api: ReturnType<typeof http>;
let reporter: Headers;

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  reporter = await signIn(t, "reporter", [
    { role: "reporter", unitCode: "D1" },
    { role: "reporter", unitCode: "S1" },
  ]);
  const values = [
    { metric: "RECEIVED", value: 10 },
    { metric: "ANSWERED", value: 5 },
  ];
  const saved = await saveDraft(t.database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C12",
    period: LAST_MONTH,
    values,
  });
  await submit(t.database.db, testActor, null, saved.id, saved.version);
});
afterAll(() => t.close());

const through: Record<Path, (c: Case) => Promise<Answer>> = {
  save: async (c) => {
    const payload = {
      form: "CDS_XA",
      unit: c.unit,
      period: c.period,
      values: [{ metric: c.metric, value: c.value }],
    };
    const res = await api.put("/api/submissions", reporter, payload);
    return fromError(res.json());
  },
  json: async (c) => {
    const dataValues = [{ dataElement: c.metric, orgUnit: c.unit, period: c.period, value: c.value }];
    const res = await api.post("/api/dataValueSets", reporter, { dataSet: "CDS_XA", dataValues });
    return fromConflict(res.json().conflicts);
  },
  csv: async (c) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/dataValueSets.csv?dataSet=CDS_XA",
      headers: { ...reporter, "content-type": "text/csv" },
      payload: `dataelement,period,orgunit,catoptcombo,attroptcombo,value\n${c.metric},${c.period},${c.unit},,,${c.value}\n`,
    });
    return fromConflict(res.json().conflicts);
  },
  bulk: async (c) => {
    const report = { unit: c.unit, period: c.period, values: [{ metric: c.metric, value: c.value }] };
    const refused = await bulkLoadReports(t.database, testActor, "CDS_XA", [report], {
      status: "approved",
    }).catch((error: AppError) => error);
    if (!("details" in refused)) throw new Error("the bulk load was not refused");
    return fromError({ error: { code: refused.code, details: refused.details } });
  },
  // The browser checks a typed value with the domain's readValue (web/src/pages/reports/validate.ts).
  browser: async (c) => {
    const metric = fixtureMetrics.find((m) => m.code === c.metric);
    if (!metric) throw new Error(`no metric ${c.metric}`);
    const rule = {
      valueType: metric.valueType,
      minValue: metric.minValue ?? null,
      maxValue: metric.maxValue ?? null,
    };
    const read = readValue(rule, c.value);
    return read.ok
      ? { code: "OK", field: null }
      : { code: "VALIDATION_FAILED", field: "value", issue: read.problem.code };
  },
};

describe("the write rules answer alike on every path", () => {
  for (const c of cases) {
    it(c.name, async () => {
      for (const path of c.paths) {
        const answer = await through[path](c);
        // Import conflicts carry no value problem code: compared on code and field.
        const expected =
          path === "json" || path === "csv" ? { code: c.answer.code, field: c.answer.field } : c.answer;
        expect({ path, ...answer }).toEqual({ path, ...expected });
      }
    });
  }

  it("answers a locked report 423 on the web save, whatever its values", async () => {
    const payload = {
      form: "CDS_XA",
      unit: "C11",
      period: LOCKED_MONTH,
      values: [{ metric: "RECEIVED", value: "x" }],
    };
    expect((await api.put("/api/submissions", reporter, payload)).statusCode).toBe(423);
  });
});
