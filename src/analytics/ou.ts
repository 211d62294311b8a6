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

/** The unit if it is in this tree, after checking it lies in the caller's scope (403 otherwise). */
function placedInScope(id: number, tree: DatedTree, ctx: OuContext): number | null {
  if (!tree.node(id)) return null;
  if (!tree.within(id, ctx.scopeRoots)) throw new AppError("OUT_OF_SCOPE", { unit: ctx.codeOf(id) });
  return id;
}

function byCode(ids: number[], ctx: OuContext): number[] {
  // Codes are plain ASCII identifiers: code-point order is enough and far cheaper than a collator.
  return ids.sort((a, b) => {
    const x = ctx.codeOf(a);
    const y = ctx.codeOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The caller's own units in this tree (USER_ORGUNIT). */
function userUnits(tree: DatedTree, ctx: OuContext): number[] {
  return byCode(
    [...ctx.scopeRoots].filter((id) => tree.node(id)),
    ctx,
  );
}

function expandOne(item: ResolvedOuItem, tree: DatedTree, ctx: OuContext): number[] {
  switch (item.kind) {
    case "unit": {
      const id = placedInScope(item.id, tree, ctx);
      return id === null ? [] : [id];
    }
    case "children": {
      const id = placedInScope(item.id, tree, ctx);
      return id === null ? [] : byCode(tree.activeChildren(id), ctx);
    }
    case "user":
      return userUnits(tree, ctx);
    case "userChildren":
      return byCode(
        userUnits(tree, ctx).flatMap((id) => tree.activeChildren(id)),
        ctx,
      );
    case "level":
      return [];
  }
}

/**
 * The units an `ou` dimension names in one tree, in the order asked, each once. With LEVEL-n,
 * the plain codes and USER_ORGUNIT are boundaries (DHIS2's `CODE;LEVEL-n`): the answer is the
 * units at those levels inside them; without a boundary, inside the caller's scope.
 * Units not in the tree on its date are left out; a named unit outside the scope is a 403.
 */
export function expandOu(items: readonly ResolvedOuItem[], tree: DatedTree, ctx: OuContext): number[] {
  const levels = items.flatMap((i) => (i.kind === "level" ? [i.level] : []));
  const out = new Set<number>();
  if (levels.length === 0) {
    for (const item of items) for (const id of expandOne(item, tree, ctx)) out.add(id);
    return [...out];
  }
  const isBound = (i: ResolvedOuItem) => i.kind === "unit" || i.kind === "user";
  const within = items.some(isBound)
    ? new Set(items.flatMap((i) => (isBound(i) ? expandOne(i, tree, ctx) : [])))
    : ctx.scopeRoots;
  for (const level of levels) {
    for (const id of byCode(tree.activeAtLevel(level, within), ctx)) {
      if (tree.within(id, ctx.scopeRoots)) out.add(id);
    }
  }
  return [...out];
}
