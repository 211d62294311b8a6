import type { UnitGroup } from "./groups.ts";

/**
 * The version of a form in force for a period: the one with the latest `validFrom` not after
 * it (null: the first version, in force from the form's first period). Periods are canonical ids
 * of the form's one period type, which sort as text in time order (202309 < 202310, 2023Q3).
 */
export function versionAt<V extends { validFrom: string | null }>(versions: readonly V[], period: string): V {
  let found: V | undefined;
  for (const v of versions) {
    if ((v.validFrom ?? "") <= period && (!found || (found.validFrom ?? "") <= (v.validFrom ?? "")))
      found = v;
  }
  const first = found ?? versions[0];
  if (!first) throw new Error("a form has at least one version");
  return first;
}

/** Whether a metric limited to `groups` (null or empty: every group) is reported by `group`. */
export function reportsIn(groups: readonly string[] | null, group: UnitGroup | null): boolean {
  return !groups || groups.length === 0 || group === null || groups.includes(group);
}

/**
 * Which metrics a unit of `group` reports in `period`, and which rules bind it: the version in
 * force for the period, its metrics open to the group (in order), and the rules that name only
 * those metrics. `group` null (a unit no longer assigned) keeps every metric of the version.
 */
export function fitForm<M extends { code: string; groups: readonly string[] | null }, R>(
  versions: readonly { validFrom: string | null; metrics: readonly M[]; rules: readonly R[] }[],
  period: string,
  group: UnitGroup | null,
  refsOf: (rule: R) => readonly string[],
): { validFrom: string | null; metrics: M[]; rules: R[] } {
  const version = versionAt(versions, period);
  const metrics = version.metrics.filter((m) => reportsIn(m.groups, group));
  const codes = new Set(metrics.map((m) => m.code));
  return {
    validFrom: version.validFrom,
    metrics,
    rules: version.rules.filter((r) => refsOf(r).every((c) => codes.has(c))),
  };
}
