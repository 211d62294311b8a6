import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planReform, treeAfter } from "./plan.ts";
import type { ReformRow, TreeNode } from "./types.ts";

const DATE = "2025-07-01";
const node = (code: string, parentCode: string | null, level: number): TreeNode => ({
  code,
  parentCode,
  level,
});
// A province P, districts D1 (C1, C2, C3) and D2 (C4, C5), and a hamlet H1 of C1.
const tree: TreeNode[] = [
  node("P", null, 1),
  node("D1", "P", 2),
  node("D2", "P", 2),
  node("C1", "D1", 3),
  node("C2", "D1", 3),
  node("C3", "D1", 3),
  node("C4", "D2", 3),
  node("C5", "D2", 3),
  node("H1", "C1", 4),
];
const open = (
  row: number,
  code: string,
  parentCode: string | null,
  preds: string[],
  date = DATE,
): ReformRow => ({
  row,
  action: "open",
  code,
  parentCode,
  predecessors: preds.map((p) => ({ code: p.replace("~", ""), part: p.endsWith("~") })),
  date,
});
const abolish = (row: number, code: string, date = DATE): ReformRow => ({
  row,
  action: "abolish",
  code,
  date,
});

const twoLevels = [
  open(2, "N1", "P", ["C1", "C2"]),
  open(3, "N2", "P", ["C3~"]),
  open(4, "N3", "P", ["C3~", "C4"]),
  abolish(5, "D1"),
  abolish(6, "D2"),
];

describe("planReform", () => {
  it("abolishes the districts, merges, splits and hands the children over, levels recomputed", () => {
    const plan = planReform(tree, twoLevels);
    expect(plan.problems).toEqual([]);
    expect(plan.date).toBe(DATE);
    expect(plan.opens).toEqual([
      {
        row: 2,
        code: "N1",
        parentCode: "P",
        level: 2,
        predecessors: [
          { code: "C1", part: false, kind: "merge" },
          { code: "C2", part: false, kind: "merge" },
        ],
      },
      {
        row: 3,
        code: "N2",
        parentCode: "P",
        level: 2,
        predecessors: [{ code: "C3", part: true, kind: "split" }],
      },
      {
        row: 4,
        code: "N3",
        parentCode: "P",
        level: 2,
        predecessors: [
          { code: "C3", part: true, kind: "split" },
          { code: "C4", part: false, kind: "merge" },
        ],
      },
    ]);
    expect(plan.closes.map((c) => [c.code, c.heir, c.successors.map((s) => s.code), c.abolished])).toEqual([
      ["C1", "N1", ["N1"], false],
      ["C2", "N1", ["N1"], false],
      ["C3", null, ["N2", "N3"], false],
      ["C4", "N3", ["N3"], false],
      ["D1", "P", [], true],
      ["D2", "P", [], true],
    ]);
    expect(plan.moves).toEqual([
      { code: "C5", fromParent: "D2", toParent: "P", fromLevel: 3, level: 2 },
      { code: "H1", fromParent: "C1", toParent: "N1", fromLevel: 4, level: 3 },
    ]);
  });

  it("merges two provinces into a new root: every unit below moves, levels unchanged where depth is", () => {
    const two = [...tree, node("Q", null, 1), node("E1", "Q", 2)];
    const plan = planReform(two, [open(2, "R", null, ["P", "Q"])]);
    expect(plan.problems).toEqual([]);
    expect(plan.moves.map((mv) => [mv.code, mv.toParent, mv.level])).toEqual([
      ["D1", "R", 2],
      ["D2", "R", 2],
      ["E1", "R", 2],
    ]);
  });

  it("removes a level under a merged root: the communes go to the new province", () => {
    const two = [...tree, node("Q", null, 1), node("E1", "Q", 2), node("K1", "E1", 3)];
    const plan = planReform(two, [
      open(2, "R", null, ["P", "Q"]),
      abolish(3, "D1"),
      abolish(4, "D2"),
      abolish(5, "E1"),
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.moves.map((mv) => [mv.code, mv.toParent, mv.level])).toEqual([
      ["C1", "R", 2],
      ["C2", "R", 2],
      ["C3", "R", 2],
      ["C4", "R", 2],
      ["C5", "R", 2],
      ["K1", "R", 2],
      ["H1", "C1", 3],
    ]);
    expect(plan.closes.map((c) => c.code)).toEqual(["D1", "D2", "E1", "P", "Q"]);
  });

  it("lets a new unit reuse the code of a predecessor, and a reused parent code name the new unit", () => {
    // The 2025 pattern: new commune C1 takes C1 and C2 (keeping C1's code), new C3 takes part of
    // C3 and C4, N2 the rest of C3; the new province P reuses the old root's code.
    const plan = planReform(tree, [
      open(2, "P", null, ["P"]),
      open(3, "C1", "P", ["C1", "C2"]),
      open(4, "C3", "P", ["C3~", "C4"]),
      open(5, "N2", "P", ["C3~"]),
      abolish(6, "D1"),
      abolish(7, "D2"),
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.opens.map((o) => [o.code, o.parentCode, o.level])).toEqual([
      ["P", null, 1],
      ["C1", "P", 2],
      ["C3", "P", 2],
      ["N2", "P", 2],
    ]);
    expect(plan.closes.map((c) => c.code).sort()).toEqual(["C1", "C2", "C3", "C4", "D1", "D2", "P"]);
    // H1 follows its commune's code to the new C1; C5 goes to the new P.
    expect(plan.moves.map((mv) => [mv.code, mv.toParent, mv.level])).toEqual([
      ["C5", "P", 2],
      ["H1", "C1", 3],
    ]);
    const after = treeAfter(tree, plan);
    expect(after.map((n) => n.code).sort()).toEqual(["C1", "C3", "C5", "H1", "N2", "P"]);
  });

  it("refuses a reused code when the new unit does not succeed its holder", () => {
    const plan = planReform(tree, [open(2, "C5", "P", ["C4"])]);
    expect(plan.problems.map((p) => [p.row, p.field])).toEqual([[2, "code"]]);
    expect(plan.opens).toEqual([]);
  });

  it("names each problem by row and field", () => {
    const plan = planReform(tree, [
      open(2, "N1", "D1", ["C1", "ZZ"]),
      open(3, "N1", "P", []),
      open(4, "C5", "P", []),
      open(5, "N2", "P", ["C1", "C2~"], "2025-07-02"),
      abolish(6, "C2"),
      open(7, "N3", "N4", ["C1~"]),
      open(8, "N4", "N3", []),
      open(9, "N5", "P", [], "2025-02-30"),
      abolish(10, "XX"),
    ]);
    expect(plan.problems.map((p) => [p.row, p.field, p.en])).toEqual([
      [2, "predecessors.1", "No unit in force with code ZZ"],
      [3, "code", "Code N1 is already on row 2"],
      [4, "code", "Code C5 belongs to a unit in force; only a unit succeeding it may reuse its code"],
      [5, "date", "Every row must have the same effective date (2025-07-01)"],
      [5, "predecessors.0", "Unit C1 already goes whole to the unit on row 2"],
      [5, "predecessors.1", "Unit C2 is both abolished and a predecessor of a new unit"],
      [7, "parentCode", "The parent codes form a loop"],
      [8, "parentCode", "The parent codes form a loop"],
      [9, "date", "Invalid effective date '2025-02-30'; use YYYY-MM-DD"],
      [10, "code", "No unit in force with code XX"],
    ]);
  });

  it("refuses a split unit whose children have no whole successor, and abolishing a root with children", () => {
    const plan = planReform(tree, [open(2, "N1", "P", ["C1~"]), abolish(3, "P")]);
    expect(plan.problems.map((p) => [p.row, p.field, p.en])).toEqual([
      [2, "predecessors.0", "Unit C1 has child units but no whole successor to take them"],
      [2, "parentCode", "Unit P closes on this date and cannot be a parent"],
      [3, "code", "Root unit P has child units and cannot be abolished without a successor"],
    ]);
  });

  it("refuses a tree deeper than six levels", () => {
    const deep = [...tree, node("X5", "H1", 5), node("X6", "X5", 6)];
    const plan = planReform(deep, [open(2, "N", "X6", [])]);
    expect(plan.problems.map((p) => [p.row, p.field])).toEqual([[2, "parentCode"]]);
  });
});

/** A random tree: each unit's parent comes before it; depth at most 5. */
const randomTree = fc
  .array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 25 })
  .map((specs) => {
    const nodes: TreeNode[] = [];
    specs.forEach(([pick, root], i) => {
      const parents = nodes.filter((n) => n.level < 5);
      const parent = root || parents.length === 0 ? null : (parents[pick % parents.length] ?? null);
      nodes.push(node(`U${i}`, parent?.code ?? null, parent ? parent.level + 1 : 1));
    });
    return nodes;
  });

/** A random reform of a tree: some units abolished, some merged or split into new units. */
const randomReform = (t: TreeNode[]) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom("keep", "keep", "keep", "abolish", "pred"), fc.nat(), fc.boolean()), {
        minLength: t.length,
        maxLength: t.length,
      }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    )
    .map(([roles, parents]) => {
      const kept = t.filter((_, i) => roles[i]?.[0] === "keep");
      const rows: ReformRow[] = [];
      const opens = parents.map((pick, k) => {
        const choices = [...kept.map((n) => n.code), ...parents.slice(0, k).map((_, j) => `N${j}`)];
        const parentCode =
          choices.length === 0 || pick % 4 === 0 ? null : (choices[pick % choices.length] ?? null);
        return open(k + 2, `N${k}`, parentCode, []);
      });
      t.forEach((n, i) => {
        const [role, pick, part] = roles[i] ?? ["keep", 0, false];
        if (role === "abolish") rows.push(abolish(100 + i, n.code));
        const target = opens[pick % opens.length];
        if (role === "pred" && target?.action === "open") target.predecessors.push({ code: n.code, part });
      });
      return [...opens, ...rows];
    });

describe("planReform on random trees", () => {
  it("leaves, whenever the plan has no problem, a tree where each unit has one parent in force, no loop and level = depth", () => {
    let planned = 0;
    fc.assert(
      fc.property(
        randomTree.chain((t) => fc.tuple(fc.constant(t), randomReform(t))),
        ([t, rows]) => {
          const plan = planReform(t, rows);
          if (plan.problems.length > 0) return;
          planned += 1;
          const after = treeAfter(t, plan);
          const byCode = new Map(after.map((n) => [n.code, n]));
          expect(byCode.size).toBe(after.length);
          const closed = new Set(plan.closes.map((c) => c.code));
          expect(after.length).toBe(t.length - closed.size + plan.opens.length);
          for (const n of after) {
            let depth = 1;
            let at = n;
            const seen = new Set([n.code]);
            while (at.parentCode !== null) {
              const parent = byCode.get(at.parentCode);
              expect(parent, `${at.code}'s parent ${at.parentCode}`).toBeDefined();
              if (!parent) return;
              expect(seen.has(parent.code)).toBe(false);
              seen.add(parent.code);
              at = parent;
              depth += 1;
            }
            expect(n.level).toBe(depth);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(planned).toBeGreaterThan(100);
  });

  it("plans nothing twice: planning the tree after a reform with no row changes nothing", () => {
    fc.assert(
      fc.property(
        randomTree.chain((t) => fc.tuple(fc.constant(t), randomReform(t))),
        ([t, rows]) => {
          const plan = planReform(t, rows);
          if (plan.problems.length > 0) return;
          const again = planReform(treeAfter(t, plan), []);
          expect([again.opens, again.closes, again.moves, again.problems]).toEqual([[], [], [], []]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
