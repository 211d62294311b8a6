import { demoDataset, demoFormCode } from "../demo/dataset/index.ts";
import { jitter, seededRandom } from "../demo/dataset/random.ts";
import { readUnitsCsv } from "../demo/seed-file.ts";
import {
  defaultQualityOptions,
  type QualityMetric,
  type QualityOptions,
  qualityFlags,
} from "../domain/quality/index.ts";

/**
 * A bench for the outlier rules: the demo's real September 2023 cross-section (174 units, their
 * groups and values), behind it a generated history of 14 months per unit and metric that ends in
 * the demo's own August 2023, and N planted errors of known kinds at known places in September.
 */
export const plantKinds = ["extra_zero", "missing_zero", "tripled", "zeroed", "half_again"] as const;
export type PlantKind = (typeof plantKinds)[number];

const plant: Record<PlantKind, (v: number) => number> = {
  extra_zero: (v) => v * 10, // 1.205 typed as 12.050
  missing_zero: (v) => Math.round(v / 10), // 1.205 typed as 121
  tripled: (v) => v * 3, // a quarter's total entered as the month's
  zeroed: () => 0, // left at 0
  half_again: (v) => Math.round(v * 1.5), // a part counted twice
};

export interface Measured {
  checked: number;
  planted: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  recallByKind: Record<PlantKind, number>;
  byRule: Record<string, number>;
}

interface Cell {
  unit: string;
  group: string;
  metric: QualityMetric;
  aggregation: string;
  value: number;
  history: number[];
}

/**
 * The history up to 202308, generated backwards from the demo's August value: a stock or a
 * year-to-date count at the pace the demo itself shows from August to September (±1% noise), a
 * monthly flow around its August level (±25%, or 0 to twice the level for small counts).
 */
function historyOf(
  random: () => number,
  cell: { august: number; september: number; aggregation: string; whole: boolean },
  months: number,
) {
  const { august, september, aggregation } = cell;
  const exact = [august];
  const pace = august > 0 ? Math.min(Math.max(september / august - 1, 0), 0.2) : 0;
  const level = Math.max(august, september);
  for (let i = 1; i < months; i++) {
    const later = exact[0] ?? august;
    let x: number;
    if (aggregation !== "sum") x = (later / (1 + pace)) * jitter(random, 0.01);
    else if (level < 10) x = random() * 2 * level;
    else x = level * jitter(random, 0.25);
    exact.unshift(Math.max(0, x));
  }
  exact[exact.length - 1] = august;
  return exact.map((x) => (cell.whole ? Math.round(x) : Math.round(x * 100) / 100));
}

/**
 * Plants `n` errors (cycling through the kinds) among values of at least 20, then runs the rules;
 * `months` of history per value (1: the demo's own August only).
 */
export function measurePlanted(
  n: number,
  seed = 17,
  months = 14,
  options: QualityOptions = defaultQualityOptions,
): Measured {
  const data = demoDataset(readUnitsCsv());
  const random = seededRandom(seed);
  const groupOf = new Map(data.units.map((u) => [u.code, u.groupCode ?? "none"]));
  const metrics = new Map(data.metrics.map((m) => [m.code, m]));
  const august = new Map(
    data.reports.filter((r) => r.period === "202308").map((r) => [r.unitCode, r.values]),
  );
  const cells: Cell[] = [];
  for (const report of data.reports.filter((r) => r.period === "202309")) {
    for (const [code, value] of Object.entries(report.values)) {
      const m = metrics.get(code);
      if (!m || m.valueType === "boolean" || m.valueType === "text") continue;
      const metric = {
        code,
        valueType: m.valueType,
        minValue: m.minValue ?? null,
        maxValue: m.maxValue ?? null,
      };
      const before = august.get(report.unitCode)?.[code] ?? value;
      const whole = m.valueType === "integer";
      const history = historyOf(
        random,
        { august: before, september: value, aggregation: m.aggregation, whole },
        months,
      );
      cells.push({
        unit: report.unitCode,
        group: groupOf.get(report.unitCode) ?? "none",
        metric,
        aggregation: m.aggregation,
        value,
        history,
      });
    }
  }
  // Plant at distinct places chosen by the seeded generator.
  const eligible = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.value >= 20);
  const planted = new Map<number, PlantKind>();
  while (planted.size < Math.min(n, eligible.length)) {
    const pick = eligible[Math.floor(random() * eligible.length)];
    if (pick && !planted.has(pick.i)) {
      const kind = plantKinds[planted.size % plantKinds.length] as PlantKind;
      planted.set(pick.i, kind);
      pick.c.value = plant[kind](pick.c.value);
    }
  }
  const byRule: Record<string, number> = {};
  const caught = Object.fromEntries(plantKinds.map((k) => [k, 0])) as Record<PlantKind, number>;
  let flagged = 0;
  let truePositives = 0;
  cells.forEach((cell, i) => {
    const peers = cells
      .filter((o, j) => j !== i && o.group === cell.group && o.metric.code === cell.metric.code)
      .map((o) => o.value);
    const flags = qualityFlags(
      { metric: cell.metric, value: cell.value, history: cell.history, peers },
      options,
    );
    for (const f of flags) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (flags.length === 0) return;
    flagged++;
    const kind = planted.get(i);
    if (kind) {
      truePositives++;
      caught[kind]++;
    }
  });
  const perKind = (k: PlantKind) => [...planted.values()].filter((p) => p === k).length;
  return {
    checked: cells.length,
    planted: planted.size,
    flagged,
    truePositives,
    precision: flagged ? truePositives / flagged : 1,
    recall: planted.size ? truePositives / planted.size : 1,
    recallByKind: Object.fromEntries(plantKinds.map((k) => [k, caught[k] / (perKind(k) || 1)])) as Record<
      PlantKind,
      number
    >,
    byRule,
  };
}

export const plantedForm = demoFormCode;
