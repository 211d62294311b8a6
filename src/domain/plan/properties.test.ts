import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeStatus } from "./status.ts";
import { day, expectFiniteEvidence, obs } from "./test-helpers.ts";
import type { ComputedStatus, Direction, IndicatorKind, IndicatorSpec, Observation } from "./types.ts";

const RANK: Readonly<Record<ComputedStatus, number>> = { no_data: -1, at_risk: 0, likely: 1, done: 2 };

/** Values a kind allows; observations of percent and unit_count stay in range. */
function valueFor(kind: IndicatorKind): fc.Arbitrary<number> {
  switch (kind) {
    case "percent":
      return fc.integer({ min: 0, max: 100 });
    case "unit_count":
      return fc.integer({ min: 0, max: 12 });
    case "milestone":
      return fc.constantFrom(0, 1);
    case "numeric":
      return fc.integer({ min: -200, max: 200 });
  }
}

/** A spec with its plan dates, so cases can look inside the plan. */
interface Drawn {
  readonly spec: IndicatorSpec;
  readonly start: number;
  readonly length: number;
}

function specOf(kind: IndicatorKind, direction: Direction): fc.Arbitrary<Drawn> {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 100 }),
      length: fc.integer({ min: 0, max: 300 }),
      baseline: fc.option(valueFor(kind), { nil: null, freq: 8 }),
      target: kind === "milestone" ? fc.constant(1) : valueFor(kind),
    })
    .map(({ start, length, baseline, target }) => ({
      start,
      length,
      spec: {
        kind,
        direction,
        baseline,
        baselineDate: day(start),
        target,
        deadline: day(start + length),
        ...(kind === "unit_count" ? { unitTotal: 12 } : {}),
      },
    }));
}

/**
 * A spec, a series and an as-of date; the date falls inside the plan four times in five, so
 * the forecast and pace rules (R4–R6) are reached often, not only R1–R3.
 */
function caseOf(kind: IndicatorKind, direction: Direction) {
  return specOf(kind, direction).chain(({ spec, start, length }) =>
    fc.record({
      spec: fc.constant(spec),
      series: seriesOf(kind),
      asOf: fc
        .oneof(
          { weight: 4, arbitrary: fc.integer({ min: start, max: start + length }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 480 }) },
        )
        .map(day),
    }),
  );
}

/** Observations on distinct days (two values on one day are refused by design), some null. */
function seriesOf(kind: IndicatorKind): fc.Arbitrary<Observation[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 10 })
    .chain((days) =>
      fc.tuple(...days.map((d) => fc.option(valueFor(kind), { nil: null, freq: 6 }).map((v) => obs(d, v)))),
    );
}

const anyKind = fc.constantFrom<IndicatorKind>("numeric", "percent", "unit_count", "milestone");
const anyDirection = fc.constantFrom<Direction>("up", "down");

const anyCase = fc
  .tuple(anyKind, anyDirection)
  .map(([kind, direction]): [IndicatorKind, Direction] => [kind, kind === "milestone" ? "up" : direction])
  .chain(([kind, direction]) =>
    fc
      .tuple(caseOf(kind, direction), fc.integer({ min: 2, max: 8 }))
      .map(([c, window]) => ({ ...c, window })),
  );

const withShuffle = anyCase.chain((c) =>
  fc
    .shuffledSubarray(c.series, { minLength: c.series.length, maxLength: c.series.length })
    .map((shuffled) => ({ ...c, shuffled })),
);

describe("status laws", () => {
  it("observation order never changes the result", () => {
    fc.assert(
      fc.property(withShuffle, ({ spec, series, shuffled, asOf, window }) => {
        const reversed = [...series].reverse();
        const options = { trendWindow: window };
        const expected = computeStatus(spec, series, asOf, options);
        expect(shuffled).toHaveLength(series.length);
        expect(computeStatus(spec, reversed, asOf, options)).toEqual(expected);
        expect(computeStatus(spec, shuffled, asOf, options)).toEqual(expected);
      }),
    );
  });

  it("never yields NaN or Infinity", () => {
    fc.assert(
      fc.property(anyCase, ({ spec, series, asOf, window }) => {
        expectFiniteEvidence(computeStatus(spec, series, asOf, { trendWindow: window }));
      }),
    );
  });

  /**
   * Moves the current value (the latest one at or before asOf) by `delta`, all else fixed,
   * and checks the status does not get worse (done ≥ likely ≥ at_risk).
   */
  function monotone(direction: Direction, sign: 1 | -1) {
    const numericKinds = fc.constantFrom<IndicatorKind>("numeric", "percent", "unit_count");
    return fc.assert(
      fc.property(
        numericKinds.chain((kind) => caseOf(kind, direction)),
        fc.integer({ min: 1, max: 150 }),
        ({ spec, series, asOf }, delta) => {
          const before = computeStatus(spec, series, asOf);
          fc.pre(before.currentDate !== null);
          const moved = series.map((o) =>
            o.date === before.currentDate && o.value !== null ? { ...o, value: o.value + sign * delta } : o,
          );
          const after = computeStatus(spec, moved, asOf);
          expect(after.current).toBe((before.current ?? 0) + sign * delta);
          expect(RANK[after.status]).toBeGreaterThanOrEqual(RANK[before.status]);
        },
      ),
      { numRuns: 500 },
    );
  }

  it("up: raising the current value never makes the status worse", () => {
    monotone("up", 1);
  });

  it("down: lowering the current value never makes the status worse", () => {
    monotone("down", -1);
  });
});
