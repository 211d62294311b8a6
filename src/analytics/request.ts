import { nfc } from "../domain/format/index.ts";
import { formatPeriod, isIsoDate, type Period, tryParsePeriod } from "../domain/period/index.ts";
import { type FieldIssue, fieldIssue, invalid } from "../errors/app-error.ts";
import { issueAt, analyticsMessages as msg, type Text } from "./messages.ts";
import type { AnalyticsQuery, AnalyticsRequest, DimensionName, OuItem } from "./types.ts";

/** Items one dimension may list; together with the cell cap they bound the work of a request. */
export const MAX_ITEMS: Readonly<Record<DimensionName, number>> = { dx: 200, pe: 120, ou: 1000 };

const DIMENSIONS: readonly DimensionName[] = ["dx", "pe", "ou"];

type Parsed = { ok: true; name: DimensionName; items: string[] } | { ok: false; issue: Text };

/** `name:item;item` → its parts; items are trimmed and NFC-normalised, duplicates dropped later. */
function splitDimension(raw: string): Parsed {
  const colon = raw.indexOf(":");
  if (colon < 0) return { ok: false, issue: msg.badDimension(raw) };
  const name = raw.slice(0, colon).trim().toLowerCase();
  if (!DIMENSIONS.includes(name as DimensionName)) return { ok: false, issue: msg.unknownDimension(name) };
  const dimension = name as DimensionName;
  const items = raw
    .slice(colon + 1)
    .split(";")
    .map((item) => nfc(item.trim()));
  if (items.some((item) => item === "")) return { ok: false, issue: msg.emptyItem(dimension) };
  if (items.length > MAX_ITEMS[dimension])
    return { ok: false, issue: msg.tooManyItems(dimension, MAX_ITEMS[dimension]) };
  return { ok: true, name: dimension, items };
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const LEVEL = /^LEVEL-/i;
const LEVEL_N = /^LEVEL-([1-6])$/i;
const CHILDREN = /^CHILDREN-(.+)$/i;

/** One `ou` item: a unit code, LEVEL-n, CHILDREN-CODE, USER_ORGUNIT or USER_ORGUNIT_CHILDREN. */
export function parseOuItem(item: string): { ok: true; item: OuItem } | { ok: false; issue: Text } {
  if (LEVEL.test(item)) {
    const level = LEVEL_N.exec(item);
    return level
      ? { ok: true, item: { kind: "level", level: Number(level[1]) } }
      : { ok: false, issue: msg.badLevel(item) };
  }
  const children = CHILDREN.exec(item);
  if (children?.[1]) return { ok: true, item: { kind: "children", code: children[1] } };
  if (item.toUpperCase() === "USER_ORGUNIT") return { ok: true, item: { kind: "user" } };
  if (item.toUpperCase() === "USER_ORGUNIT_CHILDREN") return { ok: true, item: { kind: "userChildren" } };
  return { ok: true, item: { kind: "unit", code: item } };
}

function ouKey(item: OuItem): string {
  return "code" in item
    ? `${item.kind}:${item.code}`
    : item.kind === "level"
      ? `level:${item.level}`
      : item.kind;
}

interface Collected {
  dx?: { items: string[]; filter: boolean; path: string };
  pe?: { items: Period[]; filter: boolean; path: string };
  ou?: { items: OuItem[]; filter: boolean; path: string };
}

/** Reads the items of one dimension into `into`, pushing problems to `issues`. */
function collect(
  name: DimensionName,
  items: string[],
  at: { filter: boolean; path: string },
  into: Collected,
  issues: FieldIssue[],
) {
  if (name === "dx") {
    if (at.filter && items.length > 1) issues.push(issueAt(at.path, msg.dxFilterOneItem()));
    into.dx = { ...at, items: unique(items, (c) => c) };
  } else if (name === "pe") {
    const periods: Period[] = [];
    for (const item of items) {
      const result = tryParsePeriod(item);
      if (result.ok) periods.push(result.period);
      else issues.push(fieldIssue(at.path, result.error.messageVi, result.error.messageEn));
    }
    into.pe = { ...at, items: unique(periods, formatPeriod) };
  } else {
    const ou: OuItem[] = [];
    for (const item of items) {
      const result = parseOuItem(item);
      if (result.ok) ou.push(result.item);
      else issues.push(issueAt(at.path, result.issue));
    }
    const hasLevel = ou.some((i) => i.kind === "level");
    if (hasLevel && ou.some((i) => i.kind === "children" || i.kind === "userChildren")) {
      issues.push(issueAt(at.path, msg.childrenWithLevel()));
    }
    into.ou = { ...at, items: unique(ou, ouKey) };
  }
}

/**
 * Turns the query string into a typed query, or throws 400 VALIDATION_FAILED listing every
 * problem with its path (`dimension.0`, `filter.1`). Pure: metric and unit codes are checked later.
 */
export function parseAnalyticsRequest(request: AnalyticsRequest): AnalyticsQuery {
  const issues: FieldIssue[] = [];
  const into: Collected = {};
  const columns: DimensionName[] = [];
  // A dimension we could not read may be the one that looks missing: do not report it twice.
  let unreadable = false;
  const sources = [
    ...(request.dimension ?? []).map((raw, i) => ({ raw, filter: false, path: `dimension.${i}` })),
    ...(request.filter ?? []).map((raw, i) => ({ raw, filter: true, path: `filter.${i}` })),
  ];
  for (const { raw, filter, path } of sources) {
    const parsed = splitDimension(raw);
    if (!parsed.ok) {
      unreadable = true;
      issues.push(issueAt(path, parsed.issue));
      continue;
    }
    if (into[parsed.name]) {
      issues.push(issueAt(path, msg.duplicateDimension(parsed.name)));
      continue;
    }
    if (!filter) columns.push(parsed.name);
    collect(parsed.name, parsed.items, { filter, path }, into, issues);
  }
  if (request.asOf !== undefined && !isIsoDate(request.asOf))
    issues.push(issueAt("asOf", msg.badDate(request.asOf)));
  const { dx, pe, ou } = into;
  for (const name of DIMENSIONS) {
    if (!into[name] && !unreadable) {
      issues.push(issueAt("dimension", msg.missingDimension(name)));
    }
  }
  if (issues.length > 0 || !dx || !pe || !ou) throw invalid(...issues);
  return {
    columns,
    dx,
    pe,
    ou,
    includeUnapproved: request.includeUnapproved ?? false,
    asOf: request.asOf ?? null,
  };
}
