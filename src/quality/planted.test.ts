import { describe, expect, it } from "vitest";
import { type Measured, measurePlanted } from "./planted.ts";

const line = (r: Measured) =>
  `planted ${r.planted} among ${r.checked} values: flagged ${r.flagged}, caught ${r.truePositives}; ` +
  `precision ${(r.precision * 100).toFixed(1)}%, recall ${(r.recall * 100).toFixed(1)}%; ` +
  `by kind ${JSON.stringify(r.recallByKind)}; flags by rule ${JSON.stringify(r.byRule)}`;

describe("the outlier rules on errors planted in the demo data", () => {
  it("with the demo's two months only, the peer rule alone still finds most errors", () => {
    for (const seed of [17, 18, 19]) {
      const r = measurePlanted(40, seed, 1);
      console.log(`no history, seed ${seed}: ${line(r)}`);
      expect(r.byRule.history_range ?? 0).toBe(0);
      expect(r.byRule.month_change ?? 0).toBe(0);
      expect(r.precision).toBeGreaterThanOrEqual(0.8);
      expect(r.recall).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("find most planted errors and few clean values (precision and recall above stated floors)", () => {
    const seeds = [17, 18, 19];
    const runs = seeds.map((seed) => measurePlanted(40, seed));
    for (const [i, r] of runs.entries()) {
      console.log(`14 months of history, seed ${seeds[i]}: ${line(r)}`);
      expect(r.planted).toBe(40);
      expect(r.precision).toBeGreaterThanOrEqual(0.85);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
    }
  });
});
