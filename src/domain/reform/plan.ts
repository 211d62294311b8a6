/**
 * A reorganisation (sáp nhập, chia tách, bãi bỏ cấp) planned from the tree of the day before it
 * and the rows of its file, without I/O. Every predecessor of a new unit closes on the date, and
 * so does every abolished unit. A closed unit's children go to its whole successor; an abolished
 * unit's children go to its parent (or, when the parent closes too, to the parent's heir), so a
 * whole level can be removed. Every unit below a moved one gets its level recomputed.
 */
import { isIsoDate, type Text } from "../period/index.ts";
import { reformMessages as m } from "./messages.ts";
import type {
  PlannedClose,
  PlannedMove,
  PlannedOpen,
  Predecessor,
  ReformPlan,
  ReformProblem,
  ReformRow,
  TreeNode,
} from "./types.ts";

const MAX_LEVEL = 6;

type OpenRow = Extract<ReformRow, { action: "open" }>;
type Flag = (row: number, field: string, text: Text) => void;

/** The one effective date of the file: every row must carry it. */
function reformDate(rows: readonly ReformRow[], flag: Flag): string | null {
  let date: string | null = null;
  for (const r of rows) {
    if (!isIsoDate(r.date)) flag(r.row, "date", m.badDate(r.date));
    else if (date === null) date = r.date;
    else if (r.date !== date) flag(r.row, "date", m.otherDate(date));
  }
  return date;
}

/**
 * The rows sorted into units to open and units to abolish; duplicates and unknown codes flagged.
 * A new unit may take the code of a unit in force (`reused`): allowed only when that unit closes
 * on the date as one of its predecessors (checked once the successions are known).
 */
function sortRows(rows: readonly ReformRow[], nodes: Map<string, TreeNode>, flag: Flag) {
  const seen = new Map<string, number>();
  const opens = new Map<string, OpenRow>();
  const reused = new Map<string, OpenRow>();
  const abolished = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.code);
    if (first !== undefined) {
      flag(r.row, "code", m.duplicate(r.code, first));
      continue;
    }
    seen.set(r.code, r.row);
    if (r.action === "open") {
      if (nodes.has(r.code)) reused.set(r.code, r);
      opens.set(r.code, r);
    } else if (!nodes.has(r.code)) flag(r.row, "code", m.unknown(r.code));
    else abolished.set(r.code, r.row);
  }
  return { opens, abolished, reused };
}

interface Successions {
  /** Predecessor → the new unit that takes it whole. */
  whole: Map<string, { to: string; row: number }>;
  /** Predecessor → every new unit taking it, whole or part. */
  successors: Map<string, Predecessor[]>;
  /** Predecessor → the first row and field naming it. */
  namedAt: Map<string, { row: number; field: string }>;
}

function successions(
  opens: Map<string, OpenRow>,
  abolished: Map<string, number>,
  nodes: Map<string, TreeNode>,
  flag: Flag,
): Successions {
  const s: Successions = { whole: new Map(), successors: new Map(), namedAt: new Map() };
  for (const r of opens.values()) {
    for (const [i, p] of r.predecessors.entries()) {
      const field = `predecessors.${i}`;
      const whole = s.whole.get(p.code);
      if (!nodes.has(p.code)) flag(r.row, field, m.unknown(p.code));
      else if (abolished.has(p.code)) flag(r.row, field, m.abolishedAndSucceeded(p.code));
      else if (!p.part && whole) flag(r.row, field, m.twoWholes(p.code, whole.row));
      else {
        if (!p.part) s.whole.set(p.code, { to: r.code, row: r.row });
        s.successors.set(p.code, [...(s.successors.get(p.code) ?? []), { code: r.code, part: p.part }]);
        if (!s.namedAt.has(p.code)) s.namedAt.set(p.code, { row: r.row, field });
      }
    }
  }
  return s;
}

/** Parent code → the codes of its children, in the tree of the day before. */
function childrenOf(tree: readonly TreeNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const n of tree) {
    if (n.parentCode !== null) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);
  }
  return children;
}

export function planReform(tree: readonly TreeNode[], rows: readonly ReformRow[]): ReformPlan {
  const problems: ReformProblem[] = [];
  const flag: Flag = (row, field, t) => {
    problems.push({ row, field, vi: t.vi, en: t.en });
  };
  const nodes = new Map(tree.map((n) => [n.code, n]));
  const date = reformDate(rows, flag);
  const { opens, abolished, reused } = sortRows(rows, nodes, flag);
  for (const r of reused.values()) {
    if (r.predecessors.some((p) => p.code === r.code)) continue;
    flag(r.row, "code", m.exists(r.code));
    opens.delete(r.code);
  }
  const s = successions(opens, abolished, nodes, flag);
  const closing = new Set([...s.namedAt.keys(), ...abolished.keys()]);
  const children = childrenOf(tree);

  const heirs = new Map<string, string | null>();
  const heir = (code: string): string | null => {
    const known = heirs.get(code);
    if (known !== undefined) return known;
    const parent = nodes.get(code)?.parentCode ?? null;
    let h = s.whole.get(code)?.to ?? null;
    if (h === null && abolished.has(code) && parent !== null) h = closing.has(parent) ? heir(parent) : parent;
    heirs.set(code, h);
    return h;
  };

  const closes: (PlannedClose & { level: number })[] = [];
  for (const code of closing) {
    const h = heir(code);
    const abolishRow = abolished.get(code);
    const parent = nodes.get(code)?.parentCode ?? null;
    if (h === null && (children.get(code)?.length ?? 0) > 0) {
      if (abolishRow === undefined) {
        const at = s.namedAt.get(code);
        if (at) flag(at.row, at.field, m.partWithChildren(code));
      } else if (parent === null) flag(abolishRow, "code", m.rootWithChildren(code));
    }
    closes.push({
      code,
      row: abolishRow ?? s.namedAt.get(code)?.row ?? 0,
      successors: s.successors.get(code) ?? [],
      heir: h,
      abolished: abolishRow !== undefined,
      level: nodes.get(code)?.level ?? 0,
    });
  }

  // The tree on the date: survivors under their parent or its heir, new units under theirs.
  const parentAfter = new Map<string, string | null>();
  for (const n of tree) {
    if (closing.has(n.code)) continue;
    const p = n.parentCode;
    parentAfter.set(n.code, p !== null && closing.has(p) ? heir(p) : p);
  }
  for (const r of opens.values()) {
    const p = r.parentCode;
    // A parent code that closes and reopens on the date names the new unit.
    if (p !== null && closing.has(p) && !opens.has(p)) flag(r.row, "parentCode", m.keptAndClosed(p));
    else if (p !== null && !opens.has(p) && !nodes.has(p)) flag(r.row, "parentCode", m.unknownParent(p));
    const known = p !== null && (opens.has(p) || (!closing.has(p) && nodes.has(p)));
    parentAfter.set(r.code, known ? p : null);
  }

  const levels = levelsAfter(parentAfter, opens, flag);
  const moves: PlannedMove[] = [];
  for (const n of tree) {
    const level = levels.get(n.code);
    const toParent = parentAfter.get(n.code) ?? null;
    if (level === undefined || closing.has(n.code)) continue;
    if (toParent !== n.parentCode || level !== n.level) {
      moves.push({ code: n.code, fromParent: n.parentCode, toParent, fromLevel: n.level, level });
    }
  }
  const planned: PlannedOpen[] = [...opens.values()].map((r) => ({
    row: r.row,
    code: r.code,
    parentCode: r.parentCode,
    level: levels.get(r.code) ?? 0,
    predecessors: r.predecessors.map((p) => ({
      ...p,
      kind: p.part ? "split" : r.predecessors.length > 1 ? "merge" : "rename",
    })),
  }));
  const byCode = (a: { code: string }, b: { code: string }) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  const byLevel = <T extends { level: number; code: string }>(a: T, b: T) =>
    a.level - b.level || byCode(a, b);
  return {
    date,
    opens: planned.sort(byLevel),
    closes: closes.sort((a, b) => b.level - a.level || byCode(a, b)).map(({ level: _, ...c }) => c),
    moves: moves.sort(byLevel),
    problems: [...new Map(problems.map((p) => [`${p.row}|${p.field}|${p.en}`, p])).values()].sort(
      (a, b) => a.row - b.row,
    ),
  };
}

/** The level of every unit of the tree on the date; loops and too deep a tree flagged on the new units' rows. */
function levelsAfter(
  parentAfter: Map<string, string | null>,
  opens: Map<string, OpenRow>,
  flag: Flag,
): Map<string, number> {
  const levels = new Map<string, number>();
  const looped = new Set<string>();
  for (const start of parentAfter.keys()) {
    const chain: string[] = [];
    let at: string | null = start;
    while (at !== null && !levels.has(at) && !looped.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = parentAfter.get(at) ?? null;
    }
    if (at !== null && (looped.has(at) || chain.includes(at))) {
      for (const c of chain) looped.add(c);
      continue;
    }
    let level = at === null ? 0 : (levels.get(at) ?? 0);
    for (const c of chain.reverse()) levels.set(c, ++level);
  }
  for (const r of opens.values()) {
    if (looped.has(r.code)) flag(r.row, "parentCode", m.cycle());
    else if ((levels.get(r.code) ?? 0) > MAX_LEVEL) flag(r.row, "parentCode", m.tooDeep());
  }
  for (const [code, level] of levels) {
    if (level <= MAX_LEVEL || opens.has(code)) continue;
    let up = parentAfter.get(code) ?? null;
    while (up !== null && !opens.has(up)) up = parentAfter.get(up) ?? null;
    const r = up === null ? undefined : opens.get(up);
    if (r) flag(r.row, "parentCode", m.tooDeep());
  }
  return levels;
}

/** The tree in force on the reform's date: the day before's, with the plan applied. */
export function treeAfter(tree: readonly TreeNode[], plan: ReformPlan): TreeNode[] {
  const closed = new Set(plan.closes.map((c) => c.code));
  const moved = new Map(plan.moves.map((mv) => [mv.code, mv]));
  const after: TreeNode[] = [];
  for (const n of tree) {
    if (closed.has(n.code)) continue;
    const mv = moved.get(n.code);
    after.push(mv ? { code: n.code, parentCode: mv.toParent, level: mv.level } : n);
  }
  for (const o of plan.opens) after.push({ code: o.code, parentCode: o.parentCode, level: o.level });
  return after;
}
