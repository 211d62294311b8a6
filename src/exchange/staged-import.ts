import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Db } from "../db/client.ts";
import { bulkTransaction } from "../db/copy.ts";
import { LIVE_TABLES, STAGED_TABLES } from "../scale/import-write.ts";
import {
  approveReason,
  entryOf,
  formOf,
  type ImportOptions,
  Rollback,
  requireForm,
  startRun,
} from "./import.ts";
import { groupBatch, type Run, splitLastReport, writeBatch } from "./import-batch.ts";
import type { ImportSummary } from "./schema.ts";
import type { ValueSource } from "./sources.ts";
import {
  dropStaged,
  entriesAfter,
  entriesOf,
  moveStaged,
  type ReportKey,
  stageAs,
  stageEntries,
} from "./staging.ts";
import { type Entry, Tally } from "./tally.ts";

export interface StagedImportOptions extends ImportOptions {
  /** The staging rows' key: the job's id. */
  key: string;
  /** Awaited between short transactions: where other requests take the database. */
  pause?: () => Promise<void>;
  /**
   * Values per short transaction; by default sized as it goes so that each takes about
   * PAGE_MS (what another request may have to wait).
   */
  pageValues?: number;
}

/** What one short transaction of an import should take at most, about. */
const PAGE_MS = 40;
/** Values read into the staging per transaction (a COPY of plain rows: cheap). */
const STAGE_CHUNK = 1_000;

/**
 * The values of the next page: fixed when asked, else from the last page's time per value,
 * between 10 and 2,000.
 */
function pageSizer(fixed: number | undefined): {
  size: () => number;
  took: (values: number, ms: number) => void;
} {
  let size = fixed ?? 100;
  return {
    size: () => size,
    took: (values, ms) => {
      if (fixed !== undefined || values === 0) return;
      const perValue = Math.max(ms, 1) / values;
      size = Math.min(2_000, Math.max(10, Math.round(PAGE_MS / perValue)));
    },
  };
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Step 1: the file's values into the staging table as read; answers how many. */
async function stageFile(db: Db, source: ValueSource, options: StagedImportOptions): Promise<number> {
  const size = options.pageValues ?? STAGE_CHUNK;
  const pause = options.pause ?? breathe;
  let total = 0;
  let page: Entry[] = [];
  for await (const value of source.values) {
    total++;
    page.push(entryOf(value, source));
    if (page.length >= size) {
      await stageEntries(db, options.key, page);
      page = [];
      await pause();
    }
  }
  await stageEntries(db, options.key, page);
  return total;
}

/** The next whole reports after `after`: about `size` values, or one report however large. */
async function nextReports(db: Db, key: string, after: ReportKey | null, size: number): Promise<Entry[]> {
  const page = await entriesAfter(db, key, after, size);
  if (page.length < size) return page;
  const [head, tail] = splitLastReport(page);
  if (tail.length > 0) return head;
  // One report fills the page: read it whole.
  const last = page.at(-1) as Entry;
  return entriesOf(db, key, last);
}

/**
 * Step 2: the staged values, report by report, checked as a direct import checks them, each
 * page in its own short transaction: new reports are staged, existing ones noted for step 3.
 */
async function checkReports(
  db: Db,
  who: { actor: Actor; principal: Principal | null },
  source: ValueSource,
  options: StagedImportOptions,
  tally: Tally,
): Promise<{ run: Run | null; deferred: ReportKey[] }> {
  const pages = pageSizer(options.pageValues);
  const pause = options.pause ?? breathe;
  const deferred: ReportKey[] = [];
  let run: Run | null = null;
  let after: ReportKey | null = null;
  let done = 0;
  for (;;) {
    const started = performance.now();
    const entries = await nextReports(db, options.key, after, pages.size());
    const last = entries.at(-1);
    if (!last) break;
    after = { unit: last.unit, period: last.period };
    await bulkTransaction(db, async (tx, copy) => {
      await stageAs(tx, options.key);
      if (run) Object.assign(run, { tx, copy });
      else
        run = await startRun({ tx, copy, ...who, tally }, source, options, { into: STAGED_TABLES, deferred });
      await writeBatch(run, [...(await groupBatch(run, entries)).values()]);
    });
    pages.took(entries.length, performance.now() - started);
    tally.settle();
    done += entries.length;
    options.onProgress?.(done);
    await pause();
  }
  return { run, deferred };
}

/**
 * Step 3, one transaction: the staged reports moved to the live tables, then the reports that
 * existed saved through the submissions service (their values read back from the staging);
 * rolled back for a dry run or an atomic import with a conflict.
 */
async function finish(db: Db, run: Run, deferred: ReportKey[], options: StagedImportOptions) {
  await bulkTransaction(db, async (tx, copy) => {
    await moveStaged(tx, options.key);
    Object.assign(run, { tx, copy, into: LIVE_TABLES, deferred: null });
    for (const report of deferred) {
      const groups = await groupBatch(run, await entriesOf(tx, options.key, report));
      await writeBatch(run, [...groups.values()]);
      run.tally.settle();
    }
    if (options.dryRun || (run.atomic && run.tally.conflictCount > 0)) throw new Rollback();
  }).catch((error) => {
    if (!(error instanceof Rollback)) throw error;
  });
}

/**
 * importValues for a background job: the same checks, conflicts, summary and audit, and the
 * same all-or-nothing, without holding the database for the whole import (issue 14.5). The file
 * is read into staging tables, its reports checked and staged in short transactions with a
 * pause between them (on PGlite, where an open transaction holds the one connection, that is
 * where other requests are answered), and only the last step, which moves the staged rows with
 * set-based INSERT … SELECT and saves the reports that already existed, is one transaction.
 * Values are taken report by report whatever their order in the file. Staged rows are deleted
 * at the end, whatever the outcome.
 */
export async function importValuesStaged(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  source: ValueSource,
  options: StagedImportOptions,
): Promise<ImportSummary> {
  const atomic = options.atomic ?? true;
  const dryRun = options.dryRun ?? false;
  approveReason(options);
  const tally = new Tally();
  try {
    const total = await stageFile(db, source, options);
    const { run, deferred } = await checkReports(db, { actor, principal }, source, options, tally);
    if (!run) await formOf(db, requireForm(source, options));
    // Nothing is left to learn or to write: the summary is known.
    const decided = dryRun || (atomic && tally.conflictCount > 0);
    if (run && !(decided && deferred.length === 0)) await finish(db, run, deferred, options);
    return tally.summary(total, atomic, dryRun);
  } finally {
    await dropStaged(db, options.key);
  }
}
