/**
 * Random histories of a small unit tree over 2024 (moves, closures, merges, splits, a new
 * district), for the attribution property tests: one description that a pure test turns into
 * placements and a database test plays through the unit service. Only tests import this file.
 */
import fc from "fast-check";
import type { PlacementRow } from "./tree.ts";

export interface HistoryUnit {
  code: string;
  /** Null for the province. */
  parentCode: string | null;
  level: number;
  validFrom: string;
}

export type HistoryOp =
  | { kind: "move"; code: string; parentCode: string; date: string }
  | {
      kind: "close";
      code: string;
      date: string;
      closure: "merge" | "split" | "rename";
      successors: string[];
    };

/** The units (some opening during 2024) and the changes after their creation, in date order. */
export interface History {
  units: HistoryUnit[];
  ops: HistoryOp[];
}

const START = "2020-01-01";
const DISTRICTS = ["D1", "D2", "D3"];
const COMMUNES = ["C1", "C2", "C3", "C4", "C5", "C6"];

/** One random change: what kind, on which day of 2024, and indexes that pick the units. */
const step = fc.record({
  kind: fc.constantFrom("move", "move", "closeDistrict", "merge", "split", "newDistrict"),
  month: fc.integer({ min: 2, max: 12 }),
  /** Mostly the first of a month, sometimes mid-month. */
  day: fc.constantFrom(1, 1, 1, 15),
  a: fc.nat(50),
  b: fc.nat(50),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

export const historyArb: fc.Arbitrary<History> = fc
  .array(step, { minLength: 1, maxLength: 6 })
  .map((steps) => buildHistory(steps));

const pad = (n: number) => String(n).padStart(2, "0");

function buildHistory(steps: readonly Step[]): History {
  const units: HistoryUnit[] = [
    { code: "P", parentCode: null, level: 1, validFrom: START },
    ...DISTRICTS.map((code) => ({ code, parentCode: "P", level: 2, validFrom: START })),
    ...COMMUNES.map((code, i) => ({
      code,
      parentCode: DISTRICTS[i % 3] ?? "D1",
      level: 3,
      validFrom: START,
    })),
  ];
  const parent = new Map(units.map((u) => [u.code, u.parentCode]));
  /** The day each unit's current placement began (a change must come after it). */
  const since = new Map(units.map((u) => [u.code, u.validFrom]));
  const open = new Set(units.map((u) => u.code));
  const ops: HistoryOp[] = [];
  let fresh = 0;
  const sorted = [...steps].sort((x, y) => x.month * 100 + x.day - (y.month * 100 + y.day));
  for (const s of sorted) {
    const date = `2024-${pad(s.month)}-${pad(s.day)}`;
    const free = (code: string) => (since.get(code) ?? date) < date;
    const districts = [...open].filter((c) => units.find((u) => u.code === c)?.level === 2).sort();
    const communes = [...open].filter((c) => units.find((u) => u.code === c)?.level === 3 && free(c)).sort();
    const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(list.length, 1)];
    const openUnit = (code: string, parentCode: string, level: number) => {
      units.push({ code, parentCode, level, validFrom: date });
      parent.set(code, parentCode);
      since.set(code, date);
      open.add(code);
    };
    const close = (code: string, closure: "merge" | "split" | "rename", successors: string[]) => {
      ops.push({ kind: "close", code, date, closure, successors });
      open.delete(code);
    };
    const move = (code: string, parentCode: string) => {
      ops.push({ kind: "move", code, parentCode, date });
      parent.set(code, parentCode);
      since.set(code, date);
    };
    const c = pick(communes, s.a);
    const d = pick(districts, s.b);
    if (s.kind === "move" && c && d && parent.get(c) !== d) move(c, d);
    if (s.kind === "closeDistrict" && d && districts.length > 1 && free(d)) {
      const heir = districts.filter((x) => x !== d)[s.a % (districts.length - 1)] ?? "D1";
      const children = [...open].filter((x) => parent.get(x) === d);
      if (children.every(free)) {
        for (const child of children) move(child, heir);
        close(d, "merge", [heir]);
      }
    }
    if (s.kind === "merge" && c && d) {
      const other = communes.filter((x) => x !== c)[s.b % Math.max(communes.length - 1, 1)];
      if (other && other !== c) {
        const merged = `N${++fresh}`;
        openUnit(merged, d, 3);
        close(c, "merge", [merged]);
        close(other, "merge", [merged]);
      }
    }
    if (s.kind === "split" && c && d) {
      const first = `N${++fresh}`;
      const second = `N${++fresh}`;
      openUnit(first, parent.get(c) ?? d, 3);
      openUnit(second, d, 3);
      close(c, "split", [first, second]);
    }
    if (s.kind === "newDistrict" && c) {
      const district = `E${++fresh}`;
      openUnit(district, "P", 2);
      move(c, district);
    }
  }
  return { units, ops };
}

/** The placements a history leaves, as unit_placements would hold them (ids given by `idOf`). */
export function placementsOf(history: History, idOf: (code: string) => number): PlacementRow[] {
  const rows: PlacementRow[] = [];
  const current = new Map<string, PlacementRow>();
  for (const u of history.units) {
    const row: PlacementRow = {
      unitId: idOf(u.code),
      parentId: u.parentCode === null ? null : idOf(u.parentCode),
      level: u.level,
      validFrom: u.validFrom,
      validTo: null,
    };
    rows.push(row);
    current.set(u.code, row);
  }
  const levelOf = (code: string) => history.units.find((u) => u.code === code)?.level ?? 3;
  for (const op of history.ops) {
    const row = current.get(op.code);
    if (!row) continue;
    row.validTo = op.date;
    if (op.kind === "close") continue;
    const next: PlacementRow = {
      unitId: row.unitId,
      parentId: idOf(op.parentCode),
      level: levelOf(op.parentCode) + 1,
      validFrom: op.date,
      validTo: null,
    };
    rows.push(next);
    current.set(op.code, next);
  }
  return rows;
}

/** Every month of 2024 as a period id, and the quarters. */
export const MONTHS_2024 = Array.from({ length: 12 }, (_, i) => `2024${pad(i + 1)}`);
export const QUARTERS_2024 = ["2024Q1", "2024Q2", "2024Q3", "2024Q4"];
