import { type Criterion, type CriterionValue, criterionMax } from "../../domain/index-scoring/index.ts";
import { randomInt, seededRandom } from "../dataset/random.ts";
import { demoFramework } from "./framework.ts";
import type { DemoAssessedUnit } from "./units.ts";

/** FNV-1a: a seed from text, so each unit and criterion gets its own fixed sequence. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** A SAMPLE value of the criterion for a unit at `x` (0 worst – 1 best), in the rule's own terms. */
function valueAt(c: Criterion, group: string, x: number, random: () => number): CriterionValue {
  const m = c.method;
  switch (m.kind) {
    case "yes_no":
      return x >= 0.4;
    case "tiers": {
      const index = x >= 0.7 ? 0 : x >= 0.4 ? 1 : m.options.length - 1;
      return m.options[Math.min(index, m.options.length - 1)]?.code ?? "";
    }
    case "ratio": {
      const b = randomInt(random, 12, 40);
      return { a: Math.round(x * b), b };
    }
    case "count_thresholds":
      return Math.round(x * (m.thresholds[0]?.atLeast ?? 1) * 1.1);
    case "numeric_thresholds": {
      const best = m.thresholds[0]?.limit ?? 0;
      if (m.direction === "at_most") return Math.round(best / 2 + (1 - x) * best * 3);
      const top = m.scale?.max ?? best * 1.3;
      return oneDecimal(Math.min(top, x * top));
    }
    case "manual":
      return Math.round(x * (criterionMax(c, group) ?? 0));
  }
}

/**
 * Every criterion of the unit's group with a SAMPLE value: the unit's level, moved up or down
 * a little per criterion by a generator seeded with the unit (or its tie seed) and the
 * criterion, so every load gives the same values.
 */
export function demoValues(unit: DemoAssessedUnit): { criterion: string; value: CriterionValue }[] {
  return demoFramework.criteria
    .filter((c) => criterionMax(c, unit.group) !== null)
    .map((c) => {
      const random = seededRandom(seedOf(`${unit.seed ?? unit.code}/${c.code}`));
      const x = clamp01(unit.level + (random() - 0.5) * 0.4);
      return { criterion: c.code, value: valueAt(c, unit.group, x, random) };
    });
}
