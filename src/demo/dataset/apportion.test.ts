import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "./apportion.ts";

describe("apportion", () => {
  it("splits in proportion, the largest remainders taking the leftover units", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_605, [1, 2])).toEqual([535, 1_070]);
  });

  it("never exceeds a cap and hands the excess to units with room", () => {
    expect(apportion(10, [8, 1, 1], [5, 10, 10])).toEqual([5, 3, 2]);
  });

  it("refuses a total the caps cannot hold", () => {
    expect(() => apportion(10, [1, 1], [4, 4])).toThrow(/caps too low/);
  });

  it("always adds up to the total within the caps", () => {
    const input = fc
      .array(fc.record({ weight: fc.double({ min: 0.01, max: 1_000, noNaN: true }), cap: fc.nat(1_000) }), {
        minLength: 1,
        maxLength: 50,
      })
      .chain((units) => fc.tuple(fc.constant(units), fc.nat(units.reduce((a, u) => a + u.cap, 0))));
    fc.assert(
      fc.property(input, ([units, total]) => {
        const caps = units.map((u) => u.cap);
        const parts = apportion(
          total,
          units.map((u) => u.weight),
          caps,
        );
        expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(caps[i] ?? 0);
        });
      }),
    );
  });
});
