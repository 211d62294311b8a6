import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { bulkTransaction } from "../db/copy.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { LIVE_TABLES } from "../scale/import-write.ts";
import { type FormContext, loadFormContext } from "../submissions/context.ts";
import { groupBatch, type Run, splitLastReport, writeBatch } from "./import-batch.ts";
import type { DataValueSetIn, ImportSummary } from "./schema.ts";
import { payloadSource, type SourceValue, type ValueSource } from "./sources.ts";
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
export class Rollback extends Error {}

/** Values per batch unless CHISO_IMPORT_BATCH says otherwise. */
export function defaultBatch(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CHISO_IMPORT_BATCH);
  return Number.isSafeInteger(n) && n > 0 ? n : 50_000;
}

/** Where the value goes: its own unit and period, or the set's. */
export function entryOf({ index, value }: SourceValue, source: ValueSource): Entry {
  return {
    index,
    value,
    unit: value.orgUnit ?? source.header.orgUnit ?? "",
    period: value.period ?? source.header.period ?? "",
  };
}

/**
 * The run of an import once its first value is read (the set's header is complete then):
 * its form, time and authority; new reports go to the live tables unless `staged` says where.
 */
export async function startRun(
  at: Pick<Run, "tx" | "copy" | "actor" | "principal" | "tally">,
  source: ValueSource,
  options: ImportOptions,
  staged?: Pick<Run, "into" | "deferred">,
): Promise<Run> {
  return {
    ...at,
    form: await formOf(at.tx, requireForm(source, options)),
    atomic: options.atomic ?? true,
    complete: Boolean(source.header.completeDate),
    approve: approveReason(options),
    now: options.now ?? clock.now(),
    units: new Map(),
    permissions: new Map(),
    into: staged?.into ?? LIVE_TABLES,
    deferred: staged?.deferred ?? null,
  };
}

export async function formOf(conn: Conn, code: string): Promise<FormContext> {
  try {
    return await loadFormContext(conn, code);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw invalid(fieldIssue("dataSet", `Không có biểu mẫu mã ${code}`, `No form with code ${code}`));
    }
    throw error;
  }
}

/** The reason of an import as approved, or null; approving without a reason is refused. */
export function approveReason(options: ImportOptions): string | null {
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

export function requireForm(source: ValueSource, options: ImportOptions): string {
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
  approveReason(options);
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
          run ??= await startRun({ tx, copy, actor, principal, tally }, source, options);
          total++;
          pending.push(entryOf({ index, value }, source));
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
