import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Tx } from "../db/client.ts";
import { bulkTransaction, type CopyIn } from "../db/copy.ts";
import { nfc } from "../domain/format/index.ts";
import { formatPeriod, periodEnd, tryParsePeriod, vietnamDate } from "../domain/period/index.ts";
import { pickUnit, unitCodeMessages } from "../domain/unit-codes/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { insertNewReports, type NewReport } from "../scale/import-write.ts";
import { existingReports } from "../scale/validate.ts";
import { type FormContext, loadFormContext } from "../submissions/context.ts";
import type { SaveResult } from "../submissions/schema.ts";
import { saveDraft } from "../submissions/service.ts";
import { submit } from "../submissions/workflow.ts";
import { type Unit, UnitCodes } from "../units/codes.ts";
import { checkNewReport, type Permissions } from "./new-report.ts";
import type { DataValueSetIn, ImportSummary } from "./schema.ts";
import { payloadSource, type ValueSource } from "./sources.ts";
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
  /** Told after each batch is written: values read so far. */
  onProgress?: (done: number) => void;
  /** Values checked and written together (memory is proportional to it). */
  batchValues?: number;
  /**
   * Import as approved (past periods, admins over every unit of the file, or the system): each
   * new report must pass the submit gate and is stored approved, audited `import_approved`.
   */
  approve?: boolean;
  /** Why the data is imported as approved; required with `approve`. */
  reason?: string;
}

/** Thrown to roll the transaction back once the summary is known (dry run, atomic refusal). */
class Rollback extends Error {}

/** DHIS2's default category (option) combos: the only disaggregation we store. */
const defaultCombos = new Set(["", "default", "HllvX50cXC0", "bRowv6yZOF2"]);

/** Values per batch unless CHISO_IMPORT_BATCH says otherwise. */
export function defaultBatch(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CHISO_IMPORT_BATCH);
  return Number.isSafeInteger(n) && n > 0 ? n : 50_000;
}

interface Group {
  key: string;
  unit: string;
  unitId: number;
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
/** The unit holding the code on the last day of the entry's period (codes are reused across time). */
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

interface Run {
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
async function completeSaved(run: Run, group: Group, saved: SaveResult): Promise<void> {
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
async function groupBatch(run: Run, entries: readonly Entry[]): Promise<Map<string, Group>> {
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

/** The reason of an import as approved, or null; approving without a reason is refused. */
function approveReason(options: ImportOptions): string | null {
  if (!options.approve) return null;
  const reason = nfc(options.reason?.trim() ?? "");
  if (!reason) {
    throw invalid(
      fieldIssue(
        "reason",
        "Cần ghi lý do nhập số liệu là đã phê duyệt",
        "A reason is required to import data as approved",
      ),
    );
  }
  return reason;
}

/**
 * One batch: new reports are checked here with the forms' own rules and written together
 * (COPY); reports that exist already go through saveDraft (and submit), one by one.
 */
async function writeBatch(run: Run, groups: readonly Group[]): Promise<void> {
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
  await insertNewReports(run.tx, run.copy, run.actor, by, run.form, fresh, run.now);
}

/**
 * The batch without its last report's values, and those values, which the next batch may go on
 * with; the whole batch when it is one report.
 */
function splitLastReport(entries: Entry[]): [Entry[], Entry[]] {
  const last = entries.at(-1);
  let cut = entries.length;
  while (cut > 0 && entries[cut - 1]?.unit === last?.unit && entries[cut - 1]?.period === last?.period) cut--;
  return cut > 0 ? [entries.slice(0, cut), entries.slice(cut)] : [entries, []];
}

function requireForm(source: ValueSource, options: ImportOptions): string {
  const code = source.header.dataSet ?? options.dataSet;
  if (!code)
    throw invalid(fieldIssue("dataSet", "Cần mã biểu mẫu (dataSet)", "A data set (form code) is required"));
  if (options.dataSet && source.header.dataSet && options.dataSet !== source.header.dataSet) {
    throw invalid(
      fieldIssue(
        "dataSet",
        "Mã biểu mẫu trong nội dung và tham số khác nhau",
        "The body and query name different data sets",
      ),
    );
  }
  return code;
}

/**
 * Imports DHIS2 data values from a source read once, front to back, in batches of
 * `batchValues` values, so memory stays bounded whatever the size: each (unit, period) is one
 * report, checked with the forms' rules and permissions (`principal` null is the system's
 * authority, the CLI). New reports are written by COPY; existing ones are updated through
 * saveDraft (CREATE_AND_UPDATE). A report's values should be together in the file: one that
 * spans two batches is created by the first and updated by the second. Everything runs in one
 * transaction: a dry run, or an atomic import with a conflict, is rolled back; a malformed file
 * (400) writes nothing.
 */
export async function importValues(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  source: ValueSource,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const atomic = options.atomic ?? true;
  const dryRun = options.dryRun ?? false;
  const batch = options.batchValues ?? defaultBatch();
  const approve = approveReason(options);
  const tally = new Tally();
  let total = 0;
  try {
    await bulkTransaction(db, async (tx, copy) => {
      let run: Run | undefined;
      let pending: Entry[] = [];
      // The batch being written: the server writes it while this process reads the next one.
      let writing: Promise<void> = Promise.resolve();
      const flush = async (keepLast: boolean) => {
        if (!run || pending.length === 0) return;
        const [ready, kept] = keepLast ? splitLastReport(pending) : [pending, []];
        pending = kept;
        await writing;
        const groups = await groupBatch(run, ready);
        const done = total - pending.length;
        writing = writeBatch(run, [...groups.values()]).then(() => {
          tally.settle();
          options.onProgress?.(done);
        });
        // Awaited before the next batch or the end; until then a failure must not go unhandled.
        writing.catch(() => undefined);
      };
      try {
        for await (const { index, value } of source.values) {
          if (!run) {
            const form = await formOf(tx, requireForm(source, options));
            run = {
              tx,
              copy,
              actor,
              principal,
              form,
              tally,
              atomic,
              complete: Boolean(source.header.completeDate),
              approve,
              now: options.now ?? clock.now(),
              units: new Map(),
              permissions: new Map(),
            };
          }
          total++;
          pending.push({
            index,
            value,
            unit: value.orgUnit ?? source.header.orgUnit ?? "",
            period: value.period ?? source.header.period ?? "",
          });
          if (pending.length >= batch) await flush(true);
        }
        if (!run) await formOf(tx, requireForm(source, options));
        await flush(false);
        await writing;
      } catch (error) {
        // A batch may still be writing: its statements must all run before the ROLLBACK, or the
        // ones queued after it would run outside the transaction and stay written.
        await writing.catch(() => undefined);
        throw error;
      }
      if (dryRun || (atomic && tally.conflictCount > 0)) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return tally.summary(total, atomic, dryRun);
}

/** Imports a DHIS2 data value set already in memory (the JSON API); see importValues. */
export async function importDataValueSet(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  payload: DataValueSetIn,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return importValues(db, actor, principal, payloadSource(payload, options.indexes), options);
}
