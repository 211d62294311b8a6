/**
 * The own-period view's laws, on the pure planner and engine over random tree histories of 2024
 * (moves, district closures, merges, splits, a new district), with random monthly values:
 * - flows add: for every unit, the year equals the sum of its quarters and of its months;
 * - each value counts in the tree of its own period's last day (checked against a direct
 *   computation), a stock takes each unit's last value, placed where the unit stood then;
 * - the districts listed for the year add up to the province: nothing lost, nothing twice;
 * - answers from roll-up rows (each stored period in its own tree) equal answers from the raw values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCells } from "./engine.ts";
import { historyArb, MONTHS_2024, placementsOf, QUARTERS_2024 } from "./history.test-helper.ts";
import { buildPlan, type Plan, planBasis } from "./plan.ts";
import type { MetricRow, StoredValue, UnitRow } from "./queries.ts";
import { parseAnalyticsRequest } from "./request.ts";
import { addPartial, contributions, emptyPartial } from "./rollup-math.ts";
import { RollupSource, routeRollups } from "./rollup-read.ts";
import type { RollupRow } from "./rollup-rows.ts";
import { DatedTree, type PlacementRow, TreeCache } from "./tree.ts";

const metric = (id: number, code: string, aggregation: MetricRow["aggregation"]): MetricRow => ({
  id,
  code,
  nameVi: code,
  nameEn: null,
  aggregation,
  formula: null,
  weightMetricId: null,
});
const FLOW = metric(1, "FLOW", "sum");
const STOCK = metric(2, "STOCK", "last");

const monthRange = (p: string) => {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(4));
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start: `${p.slice(0, 4)}-${p.slice(4)}-01`, end };
};

/**
 * Values of every unit for every month it stood in on some day (from its opening to its closing),
 * from a stream of random numbers (0: none).
 */
function valuesOf(
  codes: readonly string[],
  idOf: (code: string) => number,
  numbers: readonly number[],
  placements: readonly PlacementRow[],
) {
  const values: StoredValue[] = [];
  let i = 0;
  for (const code of codes) {
    const own = placements.filter((p) => p.unitId === idOf(code));
    const opened = own.map((p) => p.validFrom).sort()[0] ?? "";
    const closed = own.some((p) => p.validTo === null)
      ? null
      : (own
          .map((p) => p.validTo ?? "")
          .sort()
          .at(-1) ?? "");
    for (const period of MONTHS_2024) {
      const { start, end } = monthRange(period);
      if (opened > end || (closed !== null && closed <= start)) continue;
      for (const m of [FLOW, STOCK]) {
        const n = numbers[i++ % numbers.length] ?? 0;
        if (n === 0) continue;
        values.push({
          metricId: m.id,
          unitId: idOf(code),
          period,
          periodStart: start,
          periodEnd: end,
          value: n,
        });
      }
    }
  }
  return values;
}

function setup(
  history: ReturnType<typeof historyArb.generate>["value"],
  asked: { ou: string; asOf?: string },
) {
  const codes = history.units.map((u) => u.code);
  const idOf = (code: string) => codes.indexOf(code) + 1;
  const units: UnitRow[] = codes.map((code) => ({ id: idOf(code), code, nameVi: code, nameEn: null }));
  const placements = placementsOf(history, idOf);
  const basis = planBasis({ metrics: [FLOW, STOCK], units, placements });
  const query = parseAnalyticsRequest({
    dimension: [
      "dx:FLOW;STOCK",
      `pe:2024;${QUARTERS_2024.join(";")};${MONTHS_2024.join(";")}`,
      `ou:${asked.ou}`,
    ],
    ...(asked.asOf ? { asOf: asked.asOf } : {}),
  });
  const plan = buildPlan(query, { basis, scopeRoots: [idOf("P")] });
  return { codes, idOf, placements, basis, plan };
}

/** metric|period|unit code → value. */
function answer(plan: Plan, values: readonly StoredValue[], source?: RollupSource): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of computeCells(plan, values, source)) {
    const unit = plan.units.get(plan.ouAxis[c.ou] ?? -1)?.code ?? "?";
    out.set(`${plan.dx[c.dx]?.code}|${plan.pe[c.pe]?.ids[0]}|${unit}`, c.value);
  }
  return out;
}

/** The own-period rule computed directly: each value in a fresh tree of its period's last day. */
function expected(
  placements: readonly PlacementRow[],
  values: readonly StoredValue[],
  unitId: number,
  months: string[],
) {
  const inPeriod = values.filter((v) => months.includes(v.period));
  const counts = (v: StoredValue) =>
    new DatedTree(v.periodEnd, placements).ancestorsOrSelf(v.unitId).includes(unitId);
  const flows = inPeriod.filter((v) => v.metricId === FLOW.id && counts(v));
  const latest = new Map<number, StoredValue>();
  for (const v of inPeriod) {
    if (v.metricId !== STOCK.id) continue;
    const known = latest.get(v.unitId);
    if (!known || v.periodEnd > known.periodEnd) latest.set(v.unitId, v);
  }
  const stocks = [...latest.values()].filter(counts);
  const total = (list: StoredValue[]) =>
    list.length === 0 ? undefined : list.reduce((n, v) => n + v.value, 0);
  return { flow: total(flows), stock: total(stocks) };
}

const MONTHS_OF: Record<string, string[]> = {
  "2024": MONTHS_2024,
  ...Object.fromEntries(QUARTERS_2024.map((q, i) => [q, MONTHS_2024.slice(i * 3, i * 3 + 3)])),
  ...Object.fromEntries(MONTHS_2024.map((m) => [m, [m]])),
};

const numbers = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 50, maxLength: 200 });

describe("own-period attribution over random tree histories", () => {
  it("adds up: a unit's year is the sum of its quarters and of its months", () => {
    fc.assert(
      fc.property(historyArb, numbers, (history, stream) => {
        const all = history.units.map((u) => u.code).join(";");
        const { codes, idOf, plan, placements } = setup(history, { ou: all });
        const got = answer(plan, valuesOf(codes, idOf, stream, placements));
        for (const code of codes) {
          const at = (p: string) => got.get(`FLOW|${p}|${code}`) ?? 0;
          const year = at("2024");
          expect(
            QUARTERS_2024.reduce((n, q) => n + at(q), 0),
            code,
          ).toBe(year);
          expect(
            MONTHS_2024.reduce((n, m) => n + at(m), 0),
            code,
          ).toBe(year);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("counts each value in its own period's tree, and a stock's last value where its unit stood then", () => {
    fc.assert(
      fc.property(historyArb, numbers, (history, stream) => {
        const all = history.units.map((u) => u.code).join(";");
        const { codes, idOf, plan, placements } = setup(history, { ou: all });
        const values = valuesOf(codes, idOf, stream, placements);
        const got = answer(plan, values);
        for (const code of codes) {
          for (const [period, months] of Object.entries(MONTHS_OF)) {
            const want = expected(placements, values, idOf(code), months);
            expect(got.get(`FLOW|${period}|${code}`), `FLOW ${period} ${code}`).toBe(want.flow);
            expect(got.get(`STOCK|${period}|${code}`), `STOCK ${period} ${code}`).toBe(want.stock);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it("lists every district that stood during the period, and they add up to the province", () => {
    fc.assert(
      fc.property(historyArb, numbers, (history, stream) => {
        const { codes, idOf, plan, placements } = setup(history, { ou: "P;LEVEL-2" });
        const { plan: whole } = setup(history, { ou: "P" });
        const values = valuesOf(codes, idOf, stream, placements).filter((v) => v.unitId !== idOf("P"));
        const districts = answer(plan, values);
        const province = answer(whole, values);
        for (const period of Object.keys(MONTHS_OF)) {
          const sum = [...districts]
            .filter(([k]) => k.startsWith(`FLOW|${period}|`))
            .reduce((n, [, v]) => n + v, 0);
          expect(sum, period).toBe(province.get(`FLOW|${period}|P`) ?? 0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("answers the same from roll-up rows as from the raw values", () => {
    fc.assert(
      fc.property(historyArb, numbers, (history, stream) => {
        const all = history.units.map((u) => u.code).join(";");
        const { codes, idOf, plan, placements } = setup(history, { ou: all });
        const values = valuesOf(codes, idOf, stream, placements);
        const route = routeRollups(plan, new TreeCache(placements).changeDates());
        expect(route).not.toBeNull();
        if (!route) return;
        const source = new RollupSource(plan, route, rollupRowsOf(placements, values), ownValuesOf(values));
        const raw = values.filter((v) => route.raw.has(v.metricId));
        expect(answer(plan, raw, source)).toEqual(answer(plan, values));
      }),
      { numRuns: 100 },
    );
  });
});

/** What the roll-up table holds for these values: each (unit, period) in its period's own tree. */
function rollupRowsOf(placements: readonly PlacementRow[], values: readonly StoredValue[]): RollupRow[] {
  const trees = new TreeCache(placements);
  const rows = new Map<string, RollupRow>();
  for (const v of values) {
    const partial = contributions(new Map([[v.metricId, v.value]]), new Map()).get(v.metricId);
    if (!partial) continue;
    for (const unitId of trees.treeOn(v.periodEnd).ancestorsOrSelf(v.unitId).slice(1)) {
      const key = `${v.metricId}|${unitId}|${v.period}`;
      const row = rows.get(key) ?? { ...v, unitId, ...emptyPartial() };
      addPartial(row, partial);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** The own values ordered by unit and period, as `loadOwnValues` reads them. */
function ownValuesOf(values: readonly StoredValue[]): StoredValue[] {
  return [...values].sort(
    (a, b) => a.unitId - b.unitId || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
}
