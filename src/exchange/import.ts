import type { z } from "zod";
import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { formatPeriod, tryParsePeriod } from "../domain/period/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { type FormContext, loadFormContext } from "../submissions/context.ts";
import type { SaveResult } from "../submissions/schema.ts";
import { saveDraft } from "../submissions/service.ts";
import { submit } from "../submissions/workflow.ts";
import { unitsByCodes } from "../units/service.ts";
import { type DataValueSetIn, dataValueSetInSchema, type ImportSummary } from "./schema.ts";
import { type Entry, Tally } from "./tally.ts";

export interface ImportOptions {
  /** Validate and count, then roll everything back. */
  dryRun?: boolean;
  /** Any conflict writes nothing (the default); false imports the valid values. */
  atomic?: boolean;
  /** The form, when the payload does not name it (CSV). */
  dataSet?: string;
  importStrategy?: "CREATE_AND_UPDATE";
  /** What each value is called in conflicts (CSV line numbers); defaults to its position. */
  indexes?: number[];
  now?: Date;
  /** Told after each report is written: values done so far, and the total. */
  onProgress?: (done: number, total: number) => void;
}

type DataValueSet = z.output<typeof dataValueSetInSchema>;

/** Thrown to roll the transaction back once the summary is known (dry run, atomic refusal). */
class Rollback extends Error {}

/** DHIS2's default category (option) combos: the only disaggregation we store. */
const defaultCombos = new Set(["", "default", "HllvX50cXC0", "bRowv6yZOF2"]);

interface Group {
  unit: string;
  period: string;
  entries: Entry[];
}

async function formOf(conn: Conn, code: string): Promise<FormContext> {
  try {
    return await loadFormContext(conn, code);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw invalid(fieldIssue("dataSet", `Không có biểu mẫu mã ${code}`, `No form with code ${code}`));
    }
    throw error;
  }
}

/** Why a value cannot be placed in a report: [property, vi, en, object]. */
type Misplaced = [string, string, string, string];

/** The canonical period id of the value's report, or why it has none. */
function placement(entry: Entry, form: FormContext, known: ReadonlySet<string>): string | Misplaced {
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
  return formatPeriod(parsed.period);
}

/** One group per (unit, period), in order of first appearance. */
async function grouped(conn: Conn, set: DataValueSet, form: FormContext, tally: Tally, indexes?: number[]) {
  const entries = set.dataValues.map((value, i) => ({
    index: indexes?.[i] ?? i,
    value,
    unit: value.orgUnit ?? set.orgUnit ?? "",
    period: value.period ?? set.period ?? "",
  }));
  const known = new Set((await unitsByCodes(conn, entries.map((e) => e.unit).filter(Boolean))).keys());
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const period = placement(entry, form, known);
    if (typeof period !== "string") {
      tally.reject(entry, ...period);
      continue;
    }
    const key = `${entry.unit}\u0000${period}`;
    const group = groups.get(key) ?? { unit: entry.unit, period, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

interface Run {
  tx: Conn;
  actor: Actor;
  principal: Principal | null;
  form: FormContext;
  tally: Tally;
  atomic: boolean;
  now?: Date;
}

/** Saves a group's values through the submissions service; refused values become conflicts. */
async function saveGroup(run: Run, group: Group): Promise<SaveResult | null> {
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
async function complete(run: Run, group: Group, saved: SaveResult): Promise<void> {
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

/**
 * Imports a DHIS2 data value set (single or bulk shape) through the submissions service, so
 * the values get the same validation, permissions and audit as the forms: each (unit, period)
 * lands in its draft, submitted too when the set has a completeDate. `principal` null is the
 * system's authority (CLI). Runs in one transaction: a dry run or an atomic import with
 * conflicts is rolled back, so the counts are those of a real run.
 */
export async function importDataValueSet(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  payload: DataValueSetIn,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const set = parseInput(dataValueSetInSchema, payload);
  const code = set.dataSet ?? options.dataSet;
  if (!code)
    throw invalid(fieldIssue("dataSet", "Cần mã biểu mẫu (dataSet)", "A data set (form code) is required"));
  if (options.dataSet && set.dataSet && options.dataSet !== set.dataSet) {
    throw invalid(
      fieldIssue(
        "dataSet",
        "Mã biểu mẫu trong nội dung và tham số khác nhau",
        "The body and query name different data sets",
      ),
    );
  }
  const form = await formOf(db, code);
  const atomic = options.atomic ?? true;
  const dryRun = options.dryRun ?? false;
  const tally = new Tally();
  const total = set.dataValues.length;
  try {
    await db.transaction(async (tx) => {
      const run: Run = { tx, actor, principal, form, tally, atomic, now: options.now };
      let done = 0;
      for (const group of await grouped(tx, set, form, tally, options.indexes)) {
        const saved = await saveGroup(run, group);
        if (saved) tally.count(saved);
        if (saved && set.completeDate) await complete(run, group, saved);
        done += group.entries.length;
        options.onProgress?.(done, total);
      }
      if (dryRun || (atomic && tally.conflicts.length > 0)) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return tally.summary(total, atomic, dryRun);
}
