import { nfc } from "../domain/format/index.ts";
import { isEmptyValue } from "../domain/report/index.ts";
import type { FieldIssue } from "../errors/app-error.ts";
import type { FormContext, FormMetric } from "./context.ts";
import { issues } from "./messages.ts";
import type { ValueRecord } from "./store.ts";
import { type ApiValue, apiValue, isIssue, parseValue, type RawValue, type StoredValue } from "./values.ts";

export interface ValueInput {
  metric: string;
  value: RawValue;
  comment?: string | null;
}

interface ParsedInput {
  metric: FormMetric;
  stored: StoredValue | null;
  comment: string | null | undefined;
}

/** Checks each value against the form and its metric; every problem at `values.N.*`, naming its metric. */
export function parseValues(
  form: FormContext,
  values: readonly ValueInput[],
): { parsed: ParsedInput[]; issues: FieldIssue[] } {
  const parsed: ParsedInput[] = [];
  const problems: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    const metric = form.byCode.get(v.metric);
    const stored = metric && !isEmptyValue(v.value) ? parseValue(metric, v.value, `values.${i}.value`) : null;
    const problem = (issue: FieldIssue) => problems.push({ ...issue, metric: v.metric });
    if (!metric) problem(issues.notInForm(`values.${i}.metric`, v.metric, form.code));
    else if (seen.has(v.metric)) problem(issues.repeated(`values.${i}.metric`, v.metric));
    else if (stored && isIssue(stored)) problem(stored);
    else parsed.push({ metric, stored, comment: v.comment });
    seen.add(v.metric);
  }
  return { parsed, issues: problems };
}

type Shown = { value: ApiValue; comment: string | null } | null;

export interface ValueDiff {
  upserts: (ValueRecord & { metricId: number })[];
  removals: number[];
  counts: { imported: number; updated: number; deleted: number; unchanged: number };
  /** The changed values before and after, by metric code, for the audit trail. */
  before: Record<string, Shown>;
  after: Record<string, Shown>;
  /** Every value once the change is applied. */
  merged: Map<number, ValueRecord>;
}

const shown = (metric: FormMetric, v: ValueRecord | undefined): Shown =>
  v ? { value: apiValue(metric, v), comment: v.comment } : null;

function nextComment(given: string | null | undefined, current: ValueRecord | undefined): string | null {
  if (given === undefined) return current?.comment ?? null;
  return given?.trim() ? nfc(given.trim()) : null;
}

const same = (a: ValueRecord, b: ValueRecord) =>
  a.value === b.value && a.textValue === b.textValue && a.comment === b.comment;

/** What saving these values changes in the stored ones. */
export function diffValues(
  current: ReadonlyMap<number, ValueRecord>,
  parsed: readonly ParsedInput[],
): ValueDiff {
  const diff: ValueDiff = {
    upserts: [],
    removals: [],
    counts: { imported: 0, updated: 0, deleted: 0, unchanged: 0 },
    before: {},
    after: {},
    merged: new Map(current),
  };
  // Objects written out field by field: spreads cost 8 times as much on an import's million values.
  for (const { metric, stored, comment } of parsed) {
    const cur = current.get(metric.id);
    const next: ValueRecord | undefined = stored
      ? { value: stored.value, textValue: stored.textValue, comment: nextComment(comment, cur) }
      : undefined;
    if (next && cur && same(cur, next)) diff.counts.unchanged++;
    else if (!next && !cur) diff.counts.unchanged++;
    else {
      if (next)
        diff.upserts.push({
          metricId: metric.id,
          value: next.value,
          textValue: next.textValue,
          comment: next.comment,
        });
      else diff.removals.push(metric.id);
      if (!next) diff.counts.deleted++;
      else if (cur) diff.counts.updated++;
      else diff.counts.imported++;
      diff.before[metric.code] = shown(metric, cur);
      diff.after[metric.code] = shown(metric, next);
      if (next) diff.merged.set(metric.id, next);
      else diff.merged.delete(metric.id);
    }
  }
  return diff;
}

/** Applies narrative changes: text replaces a section, null or "" clears it; unknown sections are issues. */
export function mergeNarrative(
  form: FormContext,
  current: Record<string, string>,
  changes: Record<string, string | null>,
): { narrative: Record<string, string>; issues: FieldIssue[]; changed: boolean } {
  const narrative = { ...current };
  const problems: FieldIssue[] = [];
  const codes = new Set(form.sections.map((s) => s.code));
  for (const [code, text] of Object.entries(changes)) {
    if (!codes.has(code)) problems.push(issues.unknownSection(`narrative.${code}`, code));
    else if (text?.trim()) narrative[code] = nfc(text);
    else delete narrative[code];
  }
  const changed =
    JSON.stringify(Object.entries(narrative).sort()) !== JSON.stringify(Object.entries(current).sort());
  return { narrative, issues: problems, changed };
}
