import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Tx } from "../db/client.ts";
import type { CopyIn } from "../db/copy.ts";
import { formatPeriod, periodEnd, tryParsePeriod, vietnamDate } from "../domain/period/index.ts";
import { pickUnit, unitCodeMessages } from "../domain/unit-codes/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { insertNewReports, type NewReport, type ReportTables } from "../scale/import-write.ts";
import { existingReports } from "../scale/validate.ts";
import type { FormContext } from "../submissions/context.ts";
import type { SaveResult } from "../submissions/schema.ts";
import { saveDraft } from "../submissions/service.ts";
import { submit } from "../submissions/workflow.ts";
import { type Unit, UnitCodes } from "../units/codes.ts";
import { checkNewReport, type Permissions } from "./new-report.ts";
import type { Entry, Tally } from "./tally.ts";

/**
 * One batch of an import: its values placed into reports (unit, period), new reports checked
 * and written together, existing ones saved through the submissions service one by one.
 */

/** DHIS2's default category (option) combos: the only disaggregation we store. */
const defaultCombos = new Set(["", "default", "HllvX50cXC0", "bRowv6yZOF2"]);

export interface Group {
  key: string;
  unit: string;
  unitId: number;
  period: string;
  entries: Entry[];
}

/** Why a value cannot be placed in a report: [property, vi, en, object]. */
type Misplaced = [string, string, string, string];

/**
 * The canonical period id of the value's report and the unit holding the code on the period's
 * last day (codes are reused across time), or why it has none.
 */
function placement(
  entry: Entry,
  form: FormContext,
  known: ReadonlyMap<string, readonly Unit[]>,
): Placed | Misplaced {
  const { value, unit, period } = entry;
  const parsed = tryParsePeriod(period, form.periodType);
  const combos = [value.categoryOptionCombo, value.attributeOptionCombo];
  if (!value.dataElement) return ["dataElement", "Thiếu mã chỉ số", "The data element is missing", ""];
  if (!unit) return ["orgUnit", "Thiếu mã đơn vị", "The org unit is missing", ""];
  if (!known.has(unit)) return ["orgUnit", `Không có đơn vị mã ${unit}`, `No unit with code ${unit}`, unit];
  if (!parsed.ok) return ["period", parsed.error.messageVi, parsed.error.messageEn, period];
  if (!combos.every((c) => defaultCombos.has(c ?? ""))) {
    const property = "categoryOptionCombo";
    return [property, "Không hỗ trợ phân tổ dữ liệu", "Disaggregations are not supported", value.dataElement];
  }
  const day = periodEnd(parsed.period);
  const picked = pickUnit(known.get(unit) ?? [], day);
  if ("ambiguous" in picked) {
    const text = unitCodeMessages.ambiguous(unit, day, picked.ambiguous);
    return ["orgUnit", text.vi, text.en, unit];
  }
  return { period: formatPeriod(parsed.period), unitId: picked.unit?.id ?? 0 };
}

interface Placed {
  period: string;
  unitId: number;
}

export interface Run {
  tx: Tx;
  /** COPY into `tx` (new reports' values and audit rows). */
  copy: CopyIn;
  actor: Actor;
  principal: Principal | null;
  form: FormContext;
  tally: Tally;
  atomic: boolean;
  complete: boolean;
  approve: string | null;
  now: Date;
  /** Every unit that held each code met so far (codes are reused across time). */
  units: Map<string, readonly Unit[]>;
  permissions: Permissions;
  /** Where new reports are written: the live tables, or a background import's staging. */
  into: ReportTables;
  /**
   * Staged imports only: the existing reports met, saved in the import's last step (their
   * values stay staged); null saves them at once.
   */
  deferred: { unit: string; period: string }[] | null;
}

/** Saves a group's values through the submissions service; refused values become conflicts. */
export async function saveGroup(run: Run, group: Group): Promise<SaveResult | null> {
  let entries = group.entries;
  // Non-atomic: a second try without the values the first one refused.
  for (let attempt = 0; attempt < 2 && entries.length > 0; attempt++) {
    try {
      const values = entries.map((e) => ({
        metric: e.value.dataElement,
        value: e.value.value ?? null,
        comment: e.value.comment,
      }));
      const input = { form: run.form.code, unit: group.unit, period: group.period, values };
      return await saveDraft(run.tx, run.actor, run.principal, input, {
        context: run.form,
        ignoreVersion: true,
        now: run.now,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refused = run.tally.rejectFrom(error, entries);
      if (run.atomic) return null;
      entries = entries.filter((e) => !refused.has(e));
    }
  }
  return null;
}

/** With a completeDate the report is also submitted; a refusal leaves the values as a draft. */
export async function completeSaved(run: Run, group: Group, saved: SaveResult): Promise<void> {
  if (saved.status !== "draft" && saved.status !== "returned") return;
  try {
    await submit(run.tx, run.actor, run.principal, saved.id, saved.version, {
      context: run.form,
      now: run.now,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    run.tally.failCompletion(error, group.unit, group.period);
  }
}

/** `unitId|period` of the reports of the form that already exist among these groups. */
function existing(run: Run, groups: readonly Group[]): Promise<Set<string>> {
  const unitIds = [...new Set(groups.map((g) => g.unitId))];
  const periods = [...new Set(groups.map((g) => g.period))];
  return existingReports(run.tx, run.form.id, periods, unitIds);
}

/** Places a batch's values into reports; the misplaced ones become conflicts. */
export async function groupBatch(run: Run, entries: readonly Entry[]): Promise<Map<string, Group>> {
  const unknown = [...new Set(entries.map((e) => e.unit))].filter((u) => u && !run.units.has(u));
  const holders = await UnitCodes.load(run.tx, unknown);
  for (const code of unknown) {
    if (holders.all(code).length > 0) run.units.set(code, holders.all(code));
  }
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const placed = placement(entry, run.form, run.units);
    if (Array.isArray(placed)) {
      run.tally.reject(entry, ...placed);
      continue;
    }
    const { period, unitId } = placed;
    const key = `${entry.unit}\u0000${period}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, unit: entry.unit, unitId, period, entries: [] };
      groups.set(key, group);
    }
    group.entries.push(entry);
  }
  return groups;
}

/** An approved import creates reports: one that exists already goes through the workflow. */
function alreadyReported(group: Group) {
  return fieldIssue(
    "period",
    `Đã có báo cáo của ${group.unit} kỳ ${group.period}: duyệt qua quy trình, không nhập là đã duyệt`,
    `A report of ${group.unit} for ${group.period} exists: approve it through the workflow, not by import`,
  );
}

/**
 * One batch: new reports are checked here with the forms' own rules and written together
 * (COPY); reports that exist already go through saveDraft (and submit), one by one.
 */
export async function writeBatch(run: Run, groups: readonly Group[]): Promise<void> {
  if (groups.length === 0) return;
  const taken = await existing(run, groups);
  const fresh: NewReport[] = [];
  const today = vietnamDate(run.now);
  for (const group of groups) {
    const unit = run.units.get(group.unit)?.find((u) => u.id === group.unitId);
    if (!unit) continue;
    if (taken.has(`${unit.id}|${group.period}`)) {
      if (run.approve !== null) {
        run.tally.rejectFrom(invalid(alreadyReported(group)), group.entries);
        continue;
      }
      if (run.deferred) {
        run.deferred.push({ unit: group.unit, period: group.period });
        continue;
      }
      const saved = await saveGroup(run, group);
      if (saved) run.tally.count(saved);
      if (saved && run.complete) await completeSaved(run, group, saved);
      continue;
    }
    const report = await checkNewReport(run, unit, group, today);
    if (report) fresh.push(report);
  }
  // An atomic import with a conflict writes nothing more: it will be rolled back.
  if (fresh.length === 0 || (run.atomic && run.tally.conflictCount > 0)) return;
  const by = { userId: run.principal?.userId ?? null, approveReason: run.approve };
  await insertNewReports(run.tx, run.copy, run.actor, by, run.form, fresh, run.now, run.into);
}

/**
 * The batch without its last report's values, and those values, which the next batch may go on
 * with; the whole batch when it is one report.
 */
export function splitLastReport(entries: Entry[]): [Entry[], Entry[]] {
  const last = entries.at(-1);
  let cut = entries.length;
  while (cut > 0 && entries[cut - 1]?.unit === last?.unit && entries[cut - 1]?.period === last?.period) cut--;
  return cut > 0 ? [entries.slice(0, cut), entries.slice(cut)] : [entries, []];
}
