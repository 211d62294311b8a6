import { sql } from "drizzle-orm";
import { hasRole, type Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db, Tx } from "../db/client.ts";
import { assessmentValues } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import type { CriterionValue } from "../domain/index-scoring/index.ts";
import { AppError, type FieldIssue, invalid } from "../errors/app-error.ts";
import { appraisableCriteria, assertAssessmentAdmin } from "./access.ts";
import { actionNames, issues } from "./messages.ts";
import { assertStep } from "./steps.ts";
import { assessedUnit, assessedUnits, loadAssessment, valueRows } from "./store.ts";
import type { AssessedUnit, LoadedAssessment } from "./types.ts";
import { checkValues, normaliseValue } from "./values.ts";

export interface AppraisalInput {
  criterion: string;
  action: "confirm" | "adjust";
  value?: CriterionValue | null;
  reason?: string | null;
}

export interface CouncilInput {
  criterion: string;
  /** The council's value; null withdraws an earlier council adjustment. */
  value: CriterionValue | null;
  reason: string;
}

const text = (s: string | null | undefined) => (s ? nfc(s.trim()) : "");

interface Opened {
  tx: Tx;
  loaded: LoadedAssessment;
  unit: AssessedUnit;
  allUnitIds: number[];
}

async function open(tx: Tx, code: string, unitCode: string): Promise<Opened> {
  const loaded = await loadAssessment(tx, code, "share");
  const unit = await assessedUnit(tx, loaded, unitCode, "update");
  const allUnitIds = (await assessedUnits(tx, loaded.row.id)).map((u) => u.unitId);
  return { tx, loaded, unit, allUnitIds };
}

/** Adjust needs a value and a reason; confirm takes no value. Values are checked by their rule. */
function checkAppraisal(o: Opened, items: AppraisalInput[]): FieldIssue[] {
  const problems: FieldIssue[] = [];
  items.forEach((item, i) => {
    if (item.action === "adjust" && (item.value ?? null) === null)
      problems.push(issues.valueRequired(`items.${i}.value`));
    if (item.action === "adjust" && text(item.reason) === "")
      problems.push(issues.reasonRequired(`items.${i}.reason`));
    if (item.action === "confirm" && (item.value ?? null) !== null)
      problems.push(issues.valueNotAllowed(`items.${i}.value`));
  });
  const values = items.map((i) => ({
    criterion: i.criterion,
    value: i.action === "adjust" ? (i.value ?? null) : null,
  }));
  return [...checkValues(o.loaded.framework, o.unit.groupCode, values, "items").issues, ...problems];
}

async function before(o: Opened, codes: string[]) {
  const rows = await valueRows(o.tx, o.loaded.row.id, [o.unit.unitId]);
  return Object.fromEntries(
    rows
      .filter((r) => codes.includes(r.criterionCode))
      .map((r) => [
        r.criterionCode,
        {
          action: r.appraisalAction,
          value: r.appraisedValue,
          council: r.councilValue,
          reason: r.appraisalReason,
        },
      ]),
  );
}

const pk = [assessmentValues.assessmentId, assessmentValues.unitId, assessmentValues.criterionCode];

/**
 * Thẩm định: an appraiser confirms or adjusts (with a reason) the unit's values of the criteria
 * its department verifies; admins over the assessment may appraise every criterion. 403
 * CRITERION_NOT_ASSIGNED for a criterion of another department; nothing is written then.
 */
export async function appraise(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  input: AppraisalInput[],
  now = clock.now(),
): Promise<{ saved: number }> {
  if (principal && !hasRole(principal, ["appraiser"])) throw new AppError("FORBIDDEN");
  const items = input.map((i) => ({
    ...i,
    criterion: nfc(i.criterion.trim()),
    value: normaliseValue(i.value ?? null),
  }));
  return db.transaction(async (tx) => {
    const o = await open(tx, code, unitCode);
    // Who may appraise is checked before the step: a caller with no part in the assessment
    // learns nothing of where it stands.
    const mine = await appraisableCriteria(tx, principal, o.loaded, o.allUnitIds);
    const foreign = items.find(
      (i) => !mine.has(i.criterion) && o.loaded.framework.criteria.some((c) => c.code === i.criterion),
    );
    if (foreign) throw new AppError("CRITERION_NOT_ASSIGNED", { criterion: foreign.criterion });
    assertStep(o.loaded, "appraise", ["appraisal"]);
    const problems = checkAppraisal(o, items);
    if (problems.length) throw invalid(...problems);
    const prior = await before(
      o,
      items.map((i) => i.criterion),
    );
    await tx
      .insert(assessmentValues)
      .values(
        items.map((item) => ({
          assessmentId: o.loaded.row.id,
          unitId: o.unit.unitId,
          criterionCode: item.criterion,
          appraisalAction: item.action,
          appraisedValue: item.action === "adjust" ? item.value : null,
          appraisalReason: text(item.reason) || null,
          appraisedAt: now,
          appraisedBy: principal?.userId ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: pk,
        set: {
          appraisalAction: sql`excluded.appraisal_action`,
          appraisedValue: sql`excluded.appraised_value`,
          appraisalReason: sql`excluded.appraisal_reason`,
          appraisedAt: sql`excluded.appraised_at`,
          appraisedBy: sql`excluded.appraised_by`,
        },
      });
    await recordAudit(tx, actor, {
      action: "appraise",
      objectType: "assessment_unit",
      objectId: `${code}/${unitCode}`,
      before: prior,
      after: Object.fromEntries(
        items.map((i) => [i.criterion, { action: i.action, value: i.value, reason: text(i.reason) }]),
      ),
    });
    return { saved: items.length };
  });
}

/**
 * Hội đồng: before it finalises, the council (admin over the assessment) may set a criterion's
 * value, always with a reason; a null value withdraws its earlier adjustment.
 */
export async function councilAdjust(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  input: CouncilInput[],
  now = clock.now(),
): Promise<{ saved: number }> {
  const items = input.map((i) => ({
    ...i,
    criterion: nfc(i.criterion.trim()),
    value: normaliseValue(i.value),
  }));
  return db.transaction(async (tx) => {
    const o = await open(tx, code, unitCode);
    await assertAssessmentAdmin(tx, principal, o.allUnitIds, o.loaded.asOf);
    assertStep(o.loaded, "council", ["council"]);
    if (o.loaded.row.finalisedAt !== null) {
      throw new AppError("ASSESSMENT_STEP_CLOSED", {
        assessment: code,
        status: { vi: "đã chốt kết quả", en: "finalised" },
        action: actionNames.council,
      });
    }
    const problems = [
      ...checkValues(o.loaded.framework, o.unit.groupCode, items, "items").issues,
      ...items.flatMap((i, n) => (text(i.reason) === "" ? [issues.reasonRequired(`items.${n}.reason`)] : [])),
    ];
    if (problems.length) throw invalid(...problems);
    const prior = await before(
      o,
      items.map((i) => i.criterion),
    );
    for (const item of items) {
      const fields = {
        councilValue: item.value,
        councilReason: item.value === null ? null : text(item.reason),
        councilAt: item.value === null ? null : now,
        councilBy: item.value === null ? null : (principal?.userId ?? null),
      };
      await tx
        .insert(assessmentValues)
        .values({
          assessmentId: o.loaded.row.id,
          unitId: o.unit.unitId,
          criterionCode: item.criterion,
          ...fields,
        })
        .onConflictDoUpdate({ target: pk, set: fields });
    }
    await recordAudit(tx, actor, {
      action: "council_adjust",
      objectType: "assessment_unit",
      objectId: `${code}/${unitCode}`,
      before: prior,
      after: Object.fromEntries(items.map((i) => [i.criterion, { value: i.value, reason: text(i.reason) }])),
    });
    return { saved: items.length };
  });
}
