/**
 * The synthetic dataset of the benchmark, deterministic from a seed: the unit tree, 40 metrics of
 * every aggregation type, one monthly form, 60 monthly periods (2021-01 … 2025-12) and the values
 * of every reporting unit. Pure: loading is in load.ts.
 */
import type { MetricInput } from "../src/metrics/schema.ts";
import type { BulkReport } from "../src/scale/bulk.ts";
import type { NewUnit } from "../src/units/service.ts";

/** `mini` is for the tests: the same shapes of data on a tree of a dozen units. */
export type Scale = "mini" | "province" | "national";

export interface Shape {
  provinces: number;
  districtsPerProvince: number;
  communesPerDistrict: number;
  departmentsPerProvince: number;
}

export const shapes: Record<Scale, Shape> = {
  mini: { provinces: 1, districtsPerProvince: 2, communesPerDistrict: 3, departmentsPerProvince: 2 },
  // One province of about 200 units: 5 districts × 20 communes, 20 departments.
  province: { provinces: 1, districtsPerProvince: 5, communesPerDistrict: 20, departmentsPerProvince: 20 },
  // Việt Nam since July 2025: 34 provinces, ~100 communes and 20 departments each.
  national: { provinces: 34, districtsPerProvince: 5, communesPerDistrict: 20, departmentsPerProvince: 20 },
};

export const FORM = "BENCH_MONTHLY";
export const PLAN = "KH-BENCH";
export const since = "2020-01-01";
/** Fixed so that the same seed gives the same rows, lateness included. */
export const loadMoment = new Date("2026-01-20T03:00:00Z");

/** 60 monthly period ids, 202101 … 202512. */
export const periods: string[] = Array.from({ length: 60 }, (_, i) => {
  const year = 2021 + Math.floor(i / 12);
  return `${year}${String((i % 12) + 1).padStart(2, "0")}`;
});

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export interface Tree {
  units: NewUnit[];
  root: string;
  provinces: string[];
  districts: string[];
  communes: string[];
  /** Communes and departments: the units that report the form. */
  reporting: string[];
}

function unit(
  code: string,
  nameVi: string,
  type: string,
  parentCode: string | null,
  agency = false,
): NewUnit {
  return { code, nameVi, kind: agency ? "agency" : "territorial", type, parentCode, validFrom: since };
}

/** The unit tree, parents first: [country >] provinces > districts > communes, departments. */
export function buildTree(scale: Scale): Tree {
  const s = shapes[scale];
  const national = scale === "national";
  const tree: Tree = { units: [], root: "", provinces: [], districts: [], communes: [], reporting: [] };
  if (national) tree.units.push(unit("VN", "Việt Nam", "quốc gia", null));
  for (let p = 1; p <= s.provinces; p++) {
    const pc = `T${pad(p, 2)}`;
    tree.provinces.push(pc);
    tree.units.push(unit(pc, `Tỉnh ${p}`, "tỉnh", national ? "VN" : null));
    for (let d = 1; d <= s.districtsPerProvince; d++) {
      const dc = `${pc}H${d}`;
      tree.districts.push(dc);
      tree.units.push(unit(dc, `Cụm ${d} tỉnh ${p}`, "huyện", pc));
      for (let c = 1; c <= s.communesPerDistrict; c++) {
        const cc = `${dc}X${pad(c, 2)}`;
        tree.communes.push(cc);
        tree.reporting.push(cc);
        tree.units.push(unit(cc, `Xã ${c} cụm ${d} tỉnh ${p}`, "xã", dc));
      }
    }
    for (let a = 1; a <= s.departmentsPerProvince; a++) {
      const ac = `${pc}S${pad(a, 2)}`;
      tree.reporting.push(ac);
      tree.units.push(unit(ac, `Sở ${a} tỉnh ${p}`, "sở/ngành", pc, true));
    }
  }
  tree.root = national ? "VN" : (tree.provinces[0] ?? "");
  return tree;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const code = (prefix: string, n: number) => `${prefix}${pad(n, 2)}`;

/** 18 sums, 2 yes/no, 6 stocks, 2 plain and 2 weighted averages, 2 `none`, 8 ratio formulas. */
export const ratios: [string, string, string][] = [
  ["R01", "S02", "S01"],
  ["R02", "S04", "S03"],
  ["R03", "S06", "S05"],
  ["R04", "L02", "L01"],
  ["R05", "S08", "S07"],
  ["R06", "S10", "S09"],
  ["R07", "L04", "L03"],
  ["R08", "S12", "S11"],
];

export function buildMetrics(): MetricInput[] {
  const integer = { valueType: "integer", minValue: 0 } as const;
  return [
    ...range(1, 18).map((n) => ({
      code: code("S", n),
      nameVi: `Số lượng ${n}`,
      aggregation: "sum",
      ...integer,
    })),
    ...range(1, 2).map((n) => ({
      code: code("B", n),
      nameVi: `Có hệ thống ${n}`,
      valueType: "boolean",
      aggregation: "sum",
    })),
    ...range(1, 6).map((n) => ({ code: code("L", n), nameVi: `Tồn ${n}`, aggregation: "last", ...integer })),
    ...range(1, 2).map((n) => ({
      code: code("A", n),
      nameVi: `Tỷ lệ bình quân ${n}`,
      valueType: "percent",
      aggregation: "average",
    })),
    ...range(1, 2).map((n) => ({
      code: code("W", n),
      nameVi: `Tỷ lệ bình quân có trọng số ${n}`,
      valueType: "percent",
      aggregation: "average",
      weightMetricCode: "S01",
    })),
    ...range(1, 2).map((n) => ({
      code: code("N", n),
      nameVi: `Chỉ số riêng ${n}`,
      valueType: "number",
      aggregation: "none",
    })),
    ...ratios.map(([c, num, den]) => ({
      code: c,
      nameVi: `Tỷ lệ ${num}/${den}`,
      valueType: "percent",
      aggregation: "formula",
      formula: `#{${num}} / #{${den}} * 100`,
    })),
  ] as MetricInput[];
}

/** The metrics a form carries: every one but the formulas, which are computed. */
export function storedCodes(metrics: readonly MetricInput[]): string[] {
  return metrics.filter((m) => m.aggregation !== "formula").map((m) => m.code);
}

/** One report's values: sizes follow the unit, numerators never exceed their denominators. */
export function reportValues(rand: () => number, size: number, month: number): BulkReport["values"] {
  const int = (max: number) => Math.floor(rand() * max);
  const out = new Map<string, number | boolean>();
  for (let n = 1; n <= 18; n += 2) {
    const total = 10 + int(size);
    out.set(code("S", n), total);
    out.set(code("S", n + 1), Math.floor(total * (0.4 + 0.6 * rand())));
  }
  for (let n = 1; n <= 2; n++) out.set(code("B", n), rand() < 0.6);
  for (let n = 1; n <= 6; n += 2) {
    const stock = 100 + size * 3 + month * 2 + int(20);
    out.set(code("L", n), stock);
    out.set(code("L", n + 1), Math.floor(stock * (0.3 + 0.7 * rand())));
  }
  for (const c of ["A01", "A02", "W01", "W02"]) out.set(c, Math.round(rand() * 10_000) / 100);
  for (const c of ["N01", "N02"]) out.set(c, Math.round(rand() * 1_000_000) / 100);
  return [...out].map(([metric, value]) => ({ metric, value }));
}

/** Every report of one period, in unit order; the generator advances per report. */
export function periodReports(tree: Tree, seed: number, periodIndex: number): BulkReport[] {
  const period = periods[periodIndex] ?? "";
  return tree.reporting.map((unitCode, u) => {
    const rand = random(seed * 1_000_003 + u * 104_729 + periodIndex);
    const size = 50 + ((u * 37) % 200);
    return { unit: unitCode, period, values: reportValues(rand, size, periodIndex) };
  });
}
