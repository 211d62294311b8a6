/**
 * The plan of a setup import (thiết lập: metrics, forms, their versions and rules): what a
 * bundle would create, update or leave unchanged in an install, and what it may not do. Pure:
 * both sides come in as plain, normalised records; the writes are the services' business.
 */

/** A problem at a dotted path of the bundle, in Vietnamese and English (a field issue). */
export interface Issue {
  path: string;
  message: string;
  message_en: string;
}

export type SetupAction = "create" | "update" | "unchanged" | "rejected";
export type SetupKind = "metric" | "form" | "version" | "rule";

export interface SetupRow {
  /** The row's number in the preview, from 1. */
  row: number;
  kind: SetupKind;
  /** The metric or form code; a version as FORM@PERIOD (FORM@- the first); a rule as FORM@PERIOD/RULE. */
  code: string;
  /** Where the item is in the bundle, e.g. `forms.0.versions.1.rules.2`. */
  path: string;
  action: SetupAction;
  issues: Issue[];
}

export interface VersionDef {
  validFrom: string | null;
  metrics: readonly { code: string }[];
  rules: readonly { code: string }[];
}

/** A form: its code, its settings (names, period type, due rule…) and its versions, oldest first. */
export interface FormDef {
  code: string;
  settings: Readonly<Record<string, unknown>>;
  versions: readonly VersionDef[];
}

export interface SetupState {
  metrics: readonly { code: string }[];
  forms: readonly FormDef[];
}

/** What to write once no row is rejected: indexes into the bundle's lists. */
export interface SetupPlan {
  rows: SetupRow[];
  newMetrics: number[];
  changedMetrics: number[];
  /** Each form to write: created (from its first version) or changed from version `from` on. */
  forms: { index: number; create: boolean; from: number }[];
}

/** JSON with keys in order, so two records compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** A version compared by content: its rules as a set (by code). */
const versionKey = (v: VersionDef) =>
  canonical({ ...v, rules: [...v.rules].sort((a, b) => a.code.localeCompare(b.code)) });

const issue = (path: string, message: string, message_en: string): Issue => ({ path, message, message_en });

function reject(row: SetupRow, found: Issue): void {
  row.action = "rejected";
  row.issues.push(found);
}

class Rows {
  readonly list: SetupRow[] = [];
  add(kind: SetupKind, code: string, path: string, action: SetupAction): SetupRow {
    const row = { row: this.list.length + 1, kind, code, path, action, issues: [] };
    this.list.push(row);
    return row;
  }
}

/** The first key whose values differ, or null. */
function firstDifference(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.find((k) => !same(a[k], b[k])) ?? null;
}

/** Marks a repeated code rejected; returns whether it was the first. */
function firstOfCode(seen: Map<string, string>, row: SetupRow, what: { vi: string; en: string }): boolean {
  const earlier = seen.get(row.code);
  if (earlier === undefined) {
    seen.set(row.code, row.path);
    return true;
  }
  reject(
    row,
    issue(
      `${row.path}.code`,
      `${what.vi} ${row.code} đã có ở ${earlier}`,
      `${what.en} ${row.code} is already at ${earlier}`,
    ),
  );
  return false;
}

function planMetrics(bundle: SetupState, stored: SetupState, rows: Rows, plan: SetupPlan): void {
  const storedBy = new Map(stored.metrics.map((m) => [m.code, m]));
  const seen = new Map<string, string>();
  bundle.metrics.forEach((m, i) => {
    const before = storedBy.get(m.code);
    const action = !before ? "create" : same(before, m) ? "unchanged" : "update";
    const row = rows.add("metric", m.code, `metrics.${i}`, action);
    if (!firstOfCode(seen, row, { vi: "Chỉ số", en: "Metric" })) return;
    if (action === "create") plan.newMetrics.push(i);
    if (action === "update") plan.changedMetrics.push(i);
  });
}

const versionCode = (form: string, v: VersionDef) => `${form}@${v.validFrom ?? "-"}`;

/** Rows for a version and its rules; `before` the stored version from the same period, if any. */
function versionRows(
  rows: Rows,
  form: string,
  path: string,
  v: VersionDef,
  before: VersionDef | null,
  kept: boolean,
) {
  const equal = kept || (before !== null && versionKey(before) === versionKey(v));
  const action = equal ? "unchanged" : before ? "update" : "create";
  rows.add("version", versionCode(form, v), path, action);
  const rulesBefore = new Map((before?.rules ?? []).map((r) => [r.code, r]));
  v.rules.forEach((r, i) => {
    const old = rulesBefore.get(r.code);
    const ruleAction = kept || (old && same(old, r)) ? "unchanged" : old ? "update" : "create";
    rows.add("rule", `${versionCode(form, v)}/${r.code}`, `${path}.rules.${i}`, ruleAction);
  });
}

/**
 * A stored form changes only by new versions from a period on (as PUT /api/forms/:code/metrics):
 * its settings and first version stay, and no stored version may be missing from the bundle.
 */
function storedFormIssues(form: FormDef, before: FormDef, path: string, from: number): Issue[] {
  const field = firstDifference(form.settings, before.settings);
  if (field) {
    return [
      issue(
        `${path}.${field}`,
        `Biểu mẫu ${form.code} đã có với ${field} khác; việc nhập không sửa thiết lập của biểu mẫu đã có`,
        `Form ${form.code} is stored with another ${field}; an import does not change a stored form's settings`,
      ),
    ];
  }
  const periods = new Set(form.versions.map((v) => v.validFrom));
  const missing = before.versions.find((v) => !periods.has(v.validFrom));
  if (missing) {
    return [
      issue(
        `${path}.versions`,
        `Biểu mẫu ${form.code} có phiên bản từ ${missing.validFrom ?? "đầu"} mà tệp không có; việc nhập không xoá phiên bản`,
        `Form ${form.code} has a version from ${missing.validFrom ?? "the start"} that the file lacks; an import does not delete versions`,
      ),
    ];
  }
  if (from === 0) {
    return [
      issue(
        `${path}.versions.0`,
        `Phiên bản đầu của biểu mẫu ${form.code} đã có khác; hãy thêm thay đổi thành phiên bản từ một kỳ`,
        `The first version of form ${form.code} is stored otherwise; give the change as a version from a period`,
      ),
    ];
  }
  return [];
}

function planForms(bundle: SetupState, stored: SetupState, rows: Rows, plan: SetupPlan): void {
  const storedBy = new Map(stored.forms.map((f) => [f.code, f]));
  const seen = new Map<string, string>();
  bundle.forms.forEach((form, index) => {
    const path = `forms.${index}`;
    const before = storedBy.get(form.code) ?? null;
    const kept = before?.versions ?? [];
    let from = form.versions.findIndex(
      (v, i) => !kept[i] || versionKey(v) !== versionKey(kept[i] as VersionDef),
    );
    if (from < 0) from = form.versions.length;
    const changed = !before || from < form.versions.length || kept.length !== form.versions.length;
    const row = rows.add("form", form.code, path, !before ? "create" : changed ? "update" : "unchanged");
    const keptAt = new Map(kept.map((v) => [v.validFrom, v]));
    form.versions.forEach((v, i) => {
      versionRows(rows, form.code, `${path}.versions.${i}`, v, keptAt.get(v.validFrom) ?? null, i < from);
    });
    if (!firstOfCode(seen, row, { vi: "Biểu mẫu", en: "Form" })) return;
    const issues = before ? storedFormIssues(form, before, path, from) : [];
    attachIssues(rows.list, issues);
    if (issues.length === 0 && row.action !== "unchanged") plan.forms.push({ index, create: !before, from });
  });
}

/** Every row of the bundle with its action, and the writes that would make the install match. */
export function planSetup(bundle: SetupState, stored: SetupState): SetupPlan {
  const rows = new Rows();
  const plan: SetupPlan = { rows: rows.list, newMetrics: [], changedMetrics: [], forms: [] };
  planMetrics(bundle, stored, rows, plan);
  planForms(bundle, stored, rows, plan);
  return plan;
}

/**
 * Puts each issue a write was refused with on the row it is about: the row whose path is the
 * longest prefix of the issue's path (a rule's expression on the rule, a version's metric on the
 * version). Such a row is rejected.
 */
export function attachIssues(rows: readonly SetupRow[], issues: readonly Issue[]): void {
  for (const found of issues) {
    const owner = rows
      .filter((r) => found.path === r.path || found.path.startsWith(`${r.path}.`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (owner) reject(owner, found);
  }
}

export interface SetupSummary {
  status: "OK" | "ERROR";
  dryRun: boolean;
  counts: Record<SetupAction, number>;
  rows: SetupRow[];
}

export function summariseSetup(rows: SetupRow[], dryRun: boolean): SetupSummary {
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.action] += 1;
  return { status: counts.rejected > 0 ? "ERROR" : "OK", dryRun, counts, rows };
}
