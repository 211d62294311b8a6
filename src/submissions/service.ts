import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { submissions } from "../db/schema/index.ts";
import { vietnamDate } from "../domain/period/index.ts";
import { codeDayOfPeriod } from "../domain/unit-codes/index.ts";
import { AppError, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { unitByCode } from "../units/service.ts";
import { exemptFromLock } from "./access.ts";
import { type FormContext, fitFormContext, loadFormContext } from "./context.ts";
import { diffValues, mergeNarrative, parseValues, type ValueDiff } from "./diff.ts";
import { editCheck, orThrow, placeReport, roleScope } from "./gate.ts";
import type { ReportPeriod } from "./period.ts";
import { ruleFailures } from "./rules.ts";
import { type SaveDraftInput, type SaveResult, saveDraftSchema } from "./schema.ts";
import {
  assertVersion,
  findSubmission,
  loadValues,
  type SubmissionRow,
  updateSubmission,
  writeValues,
} from "./store.ts";

export interface WriteOptions {
  /** The moment of the write (tests and the demo loader set it); defaults to now. */
  now?: Date;
  /** The form already loaded, when one caller writes many reports of it. */
  context?: FormContext;
  /** Skip the version check: the importer writes on top of whatever is stored. */
  ignoreVersion?: boolean;
}

interface Change {
  form: FormContext;
  unit: { id: number; code: string };
  dates: ReportPeriod;
  existing: SubmissionRow | undefined;
  diff: ValueDiff;
  narrative: Record<string, string>;
  now: Date;
}

/** Creates the report or bumps its version, writes the values and the audit row. */
async function persist(tx: Conn, actor: Actor, c: Change): Promise<SubmissionRow> {
  const row = c.existing
    ? await updateSubmission(tx, c.existing, { narrative: c.narrative, updatedAt: c.now })
    : await insertSubmission(tx, c.form, c.unit.id, c.dates, c.narrative, c.now);
  await writeValues(tx, row, c.diff.upserts, c.diff.removals);
  await recordAudit(tx, actor, {
    action: c.existing ? "save" : "create",
    objectType: "submission",
    objectId: row.id,
    before: c.existing ? { values: c.diff.before, narrative: c.existing.narrative } : null,
    after: {
      form: c.form.code,
      unit: c.unit.code,
      period: c.dates.id,
      values: c.diff.after,
      narrative: c.narrative,
    },
  });
  return row;
}

/**
 * Creates or updates the draft of {form, unit, period} (báo cáo nháp): the one write path for
 * the API, the importer and the demo loader. Given values replace stored ones (null or ""
 * removes one); others stay. Failed rules come back as warnings; nothing blocks a draft but
 * invalid values. A save that changes nothing writes nothing. Values, narrative, version and
 * audit row change in one transaction.
 */
export async function saveDraft(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  input: SaveDraftInput,
  options: WriteOptions = {},
): Promise<SaveResult> {
  const data = parseInput(saveDraftSchema, input);
  const now = options.now ?? clock.now();
  return db.transaction(async (tx) => {
    const loaded = options.context ?? (await loadFormContext(tx, data.form));
    const unit = await unitByCode(tx, data.unit, codeDayOfPeriod(data.period, loaded.periodType), "unit");
    const scope = roleScope(tx, principal);
    const dates = orThrow(await placeReport(loaded, unit, data.period, vietnamDate(now), scope));
    const form = fitFormContext(loaded, dates.id, unit.id);
    const values = parseValues(form, data.values);
    const existing = await findSubmission(tx, form.id, unit.id, dates.id);
    const narrative = mergeNarrative(form, existing?.narrative ?? {}, data.narrative);
    const problems = [...values.issues, ...narrative.issues];
    const diff = problems.length
      ? null
      : diffValues(existing ? await loadValues(tx, existing.id) : new Map(), values.parsed);
    const changed = !diff || diff.upserts.length + diff.removals.length > 0 || narrative.changed;
    const refusal = await editCheck({
      dates,
      existing,
      now,
      exempt: () => exemptFromLock(tx, principal, unit.id, dates.end),
      problems,
      changed,
    });
    if (refusal || !diff) throw refusal ?? invalid(...problems);
    if (existing && !options.ignoreVersion) assertVersion(existing, data.version);
    const row =
      existing && !changed
        ? existing
        : await persist(tx, actor, {
            form,
            unit,
            dates,
            existing,
            diff,
            narrative: narrative.narrative,
            now,
          });
    const failed = ruleFailures(form, diff.merged);
    return {
      id: row.id,
      status: row.status,
      version: row.version,
      created: !existing,
      counts: diff.counts,
      warnings: [...failed.errors, ...failed.warnings],
    };
  });
}

async function insertSubmission(
  tx: Conn,
  form: FormContext,
  unitId: number,
  dates: ReportPeriod,
  narrative: Record<string, string>,
  now: Date,
): Promise<SubmissionRow> {
  const [row] = await tx
    .insert(submissions)
    .values({
      formId: form.id,
      unitId,
      period: dates.id,
      periodStart: dates.start,
      periodEnd: dates.end,
      dueDate: dates.due,
      narrative,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  // Another writer created the same report a moment ago: the client must reload it.
  if (!row) throw new AppError("STALE_VERSION", { current: 1, given: "—" });
  return row;
}
