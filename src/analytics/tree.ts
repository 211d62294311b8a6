/** One placement of a unit (its parent and level over [validFrom, validTo)), as loaded once per request. */
export interface PlacementRow {
  unitId: number;
  parentId: number | null;
  level: number;
  validFrom: string;
  validTo: string | null;
}

export interface TreeNode {
  id: number;
  parentId: number | null;
  level: number;
  /** False for a unit closed before the tree's date: it still carries its old values upward. */
  active: boolean;
}

function inForce(p: PlacementRow, date: string): boolean {
  return p.validFrom <= date && (p.validTo === null || p.validTo > date);
}

/** The placement in force beats a closed one; among closed ones the latest wins. */
function ranksAbove(p: PlacementRow, current: PlacementRow, date: string): boolean {
  if (inForce(current, date)) return false;
  return inForce(p, date) || p.validFrom > current.validFrom;
}

// Deeper than the schema allows (6 levels), so a corrupt cycle cannot loop forever.
const MAX_DEPTH = 12;

/**
 * The unit tree as it stood on one date (cây đơn vị theo ngày). A unit closed before that
 * date keeps its last placement, so the values it reported before closing still roll up
 * into the ancestors it had then (the 2025 mergers must not empty the 2025 year total).
 */
export class DatedTree {
  private readonly nodes = new Map<number, TreeNode>();
  private readonly childIds = new Map<number, number[]>();
  private readonly chains = new Map<number, number[]>();

  constructor(date: string, placements: readonly PlacementRow[]) {
    const chosen = new Map<number, PlacementRow>();
    for (const p of placements) {
      if (p.validFrom > date) continue;
      const current = chosen.get(p.unitId);
      if (!current || ranksAbove(p, current, date)) chosen.set(p.unitId, p);
    }
    for (const p of chosen.values()) {
      this.nodes.set(p.unitId, {
        id: p.unitId,
        parentId: p.parentId,
        level: p.level,
        active: inForce(p, date),
      });
      if (p.parentId === null) continue;
      const siblings = this.childIds.get(p.parentId) ?? [];
      siblings.push(p.unitId);
      this.childIds.set(p.parentId, siblings);
    }
  }

  node(id: number): TreeNode | undefined {
    return this.nodes.get(id);
  }

  /** True when the unit is in force on the tree's date. */
  isActive(id: number): boolean {
    return this.nodes.get(id)?.active === true;
  }

  /** The unit, then its parent, up to the root. Empty when the unit is not in this tree. */
  ancestorsOrSelf(id: number): number[] {
    const cached = this.chains.get(id);
    if (cached) return cached;
    const chain: number[] = [];
    for (let node = this.nodes.get(id); node && chain.length < MAX_DEPTH; ) {
      chain.push(node.id);
      node = node.parentId === null ? undefined : this.nodes.get(node.parentId);
    }
    this.chains.set(id, chain);
    return chain;
  }

  /** Units in force directly below `id`. */
  activeChildren(id: number): number[] {
    return (this.childIds.get(id) ?? []).filter((c) => this.isActive(c));
  }

  /** Units in force at `level` whose chain passes through one of `within`. */
  activeAtLevel(level: number, within: ReadonlySet<number>): number[] {
    const result: number[] = [];
    for (const node of this.nodes.values()) {
      if (node.active && node.level === level && this.ancestorsOrSelf(node.id).some((a) => within.has(a))) {
        result.push(node.id);
      }
    }
    return result;
  }

  /** True when the unit lies in the subtree of one of `roots` (itself included). */
  within(id: number, roots: ReadonlySet<number>): boolean {
    return this.ancestorsOrSelf(id).some((a) => roots.has(a));
  }

  /** The roots and everything below them, closed units included (they reported values). */
  subtree(roots: Iterable<number>): Set<number> {
    const seen = new Set<number>();
    const stack = [...roots];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(this.childIds.get(id) ?? []));
    }
    return seen;
  }
}

/**
 * Trees for many dates, built once per distinct shape: the tree only changes on a date where
 * some placement starts or ends, so every date after the same last change shares one tree
 * (60 monthly periods of an unchanged tree build it once).
 */
export class TreeCache {
  private readonly changes: string[];
  private readonly trees = new Map<string, DatedTree>();

  constructor(private readonly placements: readonly PlacementRow[]) {
    const dates = new Set<string>();
    for (const p of placements) {
      dates.add(p.validFrom);
      if (p.validTo !== null) dates.add(p.validTo);
    }
    this.changes = [...dates].sort();
  }

  /** The dates on which some placement starts or ends: the only dates the tree can change. */
  changeDates(): readonly string[] {
    return this.changes;
  }

  /** The last change on or before `date` ("" before the first one). */
  private lastChange(date: string): string {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.changes[mid] ?? "") <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? "" : (this.changes[lo - 1] ?? "");
  }

  /**
   * Every distinct tree a value of a period inside [start, end] can be placed in: the tree of
   * `start`, then one per change inside the period, in date order (the last is the tree of `end`).
   */
  treesDuring(start: string, end: string): DatedTree[] {
    const trees = [this.treeOn(start)];
    for (const c of this.changes) {
      if (c <= start || c > end) continue;
      const tree = this.treeOn(c);
      if (!trees.includes(tree)) trees.push(tree);
    }
    return trees;
  }

  treeOn(date: string): DatedTree {
    const key = this.lastChange(date);
    const known = this.trees.get(key);
    if (known) return known;
    const tree = new DatedTree(date, this.placements);
    this.trees.set(key, tree);
    return tree;
  }
}
