import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreCriterion } from "./methods.ts";
import { criterionMax, toHundredths } from "./points.ts";
import { type RankEntry, rank } from "./rank.ts";
import { SAMPLE_FRAMEWORK } from "./sample-framework.ts";
import type { Criterion, CriterionValue } from "./types.ts";
import { scoreUnit } from "./unit.ts";

const GROUPS = SAMPLE_FRAMEWORK.groups.map((g) => g.code);

/** A mostly valid value for a criterion, in the shape its method expects. */
function valueFor(c: Criterion): fc.Arbitrary<CriterionValue> {
  const m = c.method;
  switch (m.kind) {
    case "yes_no":
      return fc.boolean();
    case "tiers":
      return fc.constantFrom(...m.options.map((o) => o.code));
    case "ratio":
      return fc.tuple(fc.nat(500), fc.nat(500)).map(([x, y]) => ({ a: Math.min(x, y), b: Math.max(x, y) }));
    case "count_thresholds":
      return fc.nat(40);
    case "numeric_thresholds":
      return fc.double({ min: m.scale?.min ?? 0, max: m.scale?.max ?? 1000, noNaN: true });
    case "manual":
      return fc.double({ min: 0, max: 30, noNaN: true });
  }
}

/** Anything a spreadsheet could hold, valid or not. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 50 }),
  fc.string(),
  fc.record({ a: fc.double(), b: fc.double() }),
  fc.constant(null),
);

/** One group's values for the sample framework, some criteria left out, in random insertion order. */
const unitValues = fc.constantFrom(...GROUPS).chain((group) => {
  const criteria = SAMPLE_FRAMEWORK.criteria.filter((c) => criterionMax(c, group) !== null);
  const entries = criteria.map((c) =>
    fc.option(valueFor(c), { nil: undefined }).map((v) => [c.code, v] as const),
  );
  return fc.tuple(fc.constant(group), fc.tuple(...entries));
});

/** Totals from a small set, so ties are frequent, plus arbitrary ones. */
const points = fc.oneof(
  fc.constantFrom(0, 500, 850, 850.004, 849.996, 1000),
  fc.double({ min: 0, max: 1000, noNaN: true }),
);

const entries: fc.Arbitrary<RankEntry[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 25 })
  .chain((units) =>
    fc.tuple(
      ...units.map((u) =>
        fc.record({
          unit: fc.constant(`U${u}`),
          group: fc.constantFrom("SO", "HUYEN"),
          total: points,
          pillars: fc.record({ NTS: points, CQS: points }, { requiredKeys: ["NTS"] }),
        }),
      ),
    ),
  );

describe("ranking laws", () => {
  it("does not depend on the order of the entries", () => {
    fc.assert(
      fc.property(
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(rank(shuffled)).toEqual(rank(list));
        },
      ),
    );
  });

  it("gives each unit 1 + the number of its group with strictly more (rounded) points", () => {
    fc.assert(
      fc.property(entries, (list) => {
        for (const r of rank(list)) {
          const above = list.filter(
            (e) => e.group === r.group && toHundredths(e.total) > toHundredths(r.total),
          ).length;
          expect(r.rank).toBe(1 + above);
        }
      }),
    );
  });
});

describe("scoring laws", () => {
  it("scores a unit the same whatever the order of its values", () => {
    fc.assert(
      fc.property(
        unitValues.chain(([group, pairs]) =>
          fc.tuple(
            fc.constant(group),
            fc.constant(pairs),
            fc.shuffledSubarray([...pairs], { minLength: pairs.length }),
          ),
        ),
        ([group, pairs, shuffled]) => {
          const asMap = (list: readonly (readonly [string, CriterionValue | undefined])[]) =>
            new Map(list.flatMap(([code, v]) => (v === undefined ? [] : [[code, v] as const])));
          expect(scoreUnit(SAMPLE_FRAMEWORK, group, asMap(shuffled))).toEqual(
            scoreUnit(SAMPLE_FRAMEWORK, group, asMap(pairs)),
          );
        },
      ),
    );
  });

  it("keeps every criterion's points within [0, maximum], whatever the value", () => {
    const criteria = SAMPLE_FRAMEWORK.criteria;
    fc.assert(
      fc.property(fc.constantFrom(...criteria), fc.constantFrom(...GROUPS), junk, (c, group, value) => {
        const result = scoreCriterion(c, group, value as CriterionValue);
        if (!result.ok) return;
        expect(result.points).toBeGreaterThanOrEqual(0);
        expect(result.points).toBeLessThanOrEqual(result.maxPoints);
        expect(toHundredths(result.points) / 100).toBe(result.points);
      }),
    );
  });

  it("keeps pillar and unit totals within their maxima, the index within [0, 1]", () => {
    fc.assert(
      fc.property(unitValues, ([group, pairs]) => {
        const values = new Map(pairs.flatMap(([code, v]) => (v === undefined ? [] : [[code, v] as const])));
        const score = scoreUnit(SAMPLE_FRAMEWORK, group, values);
        expect(score.invalid).toEqual([]);
        for (const p of score.pillars) {
          expect(p.points).toBeGreaterThanOrEqual(0);
          expect(p.points).toBeLessThanOrEqual(p.maxPoints);
        }
        expect(score.points).toBeLessThanOrEqual(score.maxPoints);
        expect(score.index).toBeGreaterThanOrEqual(0);
        expect(score.index).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("never gives fewer points for a higher count or a larger share", () => {
    const meetings = SAMPLE_FRAMEWORK.criteria.find((c) => c.code === "1.2") as Criterion;
    const ratio = SAMPLE_FRAMEWORK.criteria.find((c) => c.code === "2.2") as Criterion;
    const pointsOf = (c: Criterion, v: CriterionValue) => {
      const r = scoreCriterion(c, "SO_DVC", v);
      return r.ok ? r.points : Number.NaN;
    };
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.integer({ min: 1, max: 200 }), (x, y, b) => {
        const [lo, hi] = [Math.min(x, y), Math.max(x, y)];
        expect(pointsOf(meetings, hi)).toBeGreaterThanOrEqual(pointsOf(meetings, lo));
        const a = (n: number) => Math.min(n, b);
        expect(pointsOf(ratio, { a: a(hi), b })).toBeGreaterThanOrEqual(pointsOf(ratio, { a: a(lo), b }));
      }),
    );
  });
});
