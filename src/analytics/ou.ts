import { AppError } from "../errors/app-error.ts";
import type { DatedTree } from "./tree.ts";

/** An `ou` item with its unit code resolved to the unit's id. */
export type ResolvedOuItem =
  | { kind: "unit"; id: number }
  | { kind: "level"; level: number }
  | { kind: "children"; id: number }
  | { kind: "user" }
  | { kind: "userChildren" };

/** What expanding `ou` items needs besides the tree: unit codes for ordering and errors, and the scope. */
export interface OuContext {
  codeOf: (id: number) => string;
  /** The units the caller's grants hang on; everything below them is in scope. */
  scopeRoots: ReadonlySet<number>;
}

/**
 * The trees one period slot is read in, by date, the tree of its last day last. In the `asOf`
 * view there is one; in the own-period view, one per shape the tree had during the period.
 */
type Trees = readonly DatedTree[];

/**
 * True when the unit lies inside the caller's scope in every tree it appears in: a unit that moved
 * out of the scope during the period is not answered (its figure holds values from outside).
 */
function inScopeThroughout(id: number, trees: Trees, ctx: OuContext): boolean {
  return trees.every((t) => !t.node(id) || t.within(id, ctx.scopeRoots));
}

/** The unit if it is in one of the trees, after checking it lies in the caller's scope (403 otherwise). */
function placedInScope(id: number, trees: Trees, ctx: OuContext): number | null {
  if (!trees.some((t) => t.node(id))) return null;
  if (!inScopeThroughout(id, trees, ctx)) throw new AppError("OUT_OF_SCOPE", { unit: ctx.codeOf(id) });
  return id;
}

function byCode(ids: Iterable<number>, ctx: OuContext): number[] {
  // Codes are plain ASCII identifiers: code-point order is enough and far cheaper than a collator.
  return [...new Set(ids)].sort((a, b) => {
    const x = ctx.codeOf(a);
    const y = ctx.codeOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The caller's own units in these trees (USER_ORGUNIT). */
function userUnits(trees: Trees, ctx: OuContext): number[] {
  return byCode(
    [...ctx.scopeRoots].filter((id) => trees.some((t) => t.node(id))),
    ctx,
  );
}

/** Units in force directly below these units in some tree, in scope throughout. */
function childrenOf(ids: readonly number[], trees: Trees, ctx: OuContext): number[] {
  const found = trees.flatMap((t) => ids.flatMap((id) => t.activeChildren(id)));
  return byCode(
    found.filter((c) => inScopeThroughout(c, trees, ctx)),
    ctx,
  );
}

function expandOne(item: ResolvedOuItem, trees: Trees, ctx: OuContext): number[] {
  switch (item.kind) {
    case "unit": {
      const id = placedInScope(item.id, trees, ctx);
      return id === null ? [] : [id];
    }
    case "children": {
      const id = placedInScope(item.id, trees, ctx);
      return id === null ? [] : childrenOf([id], trees, ctx);
    }
    case "user":
      return userUnits(trees, ctx);
    case "userChildren":
      return childrenOf(userUnits(trees, ctx), trees, ctx);
    case "level":
      return [];
  }
}

/**
 * The units an `ou` dimension names in one period slot's trees, in the order asked, each once.
 * With LEVEL-n, the plain codes and USER_ORGUNIT are boundaries (DHIS2's `CODE;LEVEL-n`): the
 * answer is the units at those levels inside them; without a boundary, inside the caller's scope.
 * A unit counts when it is in force in one of the trees (a district closed on 01/10 is listed for
 * its year); units in none of them are left out; a named unit outside the scope is a 403.
 */
export function expandOu(items: readonly ResolvedOuItem[], trees: Trees, ctx: OuContext): number[] {
  const levels = items.flatMap((i) => (i.kind === "level" ? [i.level] : []));
  const out = new Set<number>();
  if (levels.length === 0) {
    for (const item of items) for (const id of expandOne(item, trees, ctx)) out.add(id);
    return [...out];
  }
  const isBound = (i: ResolvedOuItem) => i.kind === "unit" || i.kind === "user";
  const within = items.some(isBound)
    ? new Set(items.flatMap((i) => (isBound(i) ? expandOne(i, trees, ctx) : [])))
    : ctx.scopeRoots;
  for (const level of levels) {
    const found = trees.flatMap((t) => t.activeAtLevel(level, within));
    for (const id of byCode(found, ctx)) if (inScopeThroughout(id, trees, ctx)) out.add(id);
  }
  return [...out];
}
