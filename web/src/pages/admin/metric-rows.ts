import { type UnitGroup, unitGroups } from "../../../../src/domain/forms/index.ts";

/** A metric as a form asks for it: its code, whether it is required, the unit groups reporting it. */
export interface MetricRow {
  code: string;
  required: boolean;
  /** Empty: every unit reports it. */
  groups: UnitGroup[];
}

/** The rows as the API takes them (`groups: null` for every unit). */
export const metricsBody = (rows: readonly MetricRow[]) =>
  rows.map((r) => ({ code: r.code, required: r.required, groups: r.groups.length ? r.groups : null }));

/** The names of the fields the API's problems may name: the list, then each row. */
export const metricFields = (rows: readonly MetricRow[]): string[] => [
  "metrics",
  ...rows.map((_, i) => `metrics.${i}`),
];

/** The list with the item at `from` moved to `to` (a new list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The groups with `group` ticked or unticked, in the order of `unitGroups`. */
export const toggledGroup = (groups: readonly UnitGroup[], group: UnitGroup): UnitGroup[] =>
  groups.includes(group)
    ? groups.filter((g) => g !== group)
    : unitGroups.filter((g) => g === group || groups.includes(g));
