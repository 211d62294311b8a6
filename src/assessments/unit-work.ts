import type { Principal, Role } from "../access/principal.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { assertUnitRole } from "./access.ts";
import type { ActionName } from "./messages.ts";
import { assertStep } from "./steps.ts";
import { assessedUnit, loadAssessment } from "./store.ts";
import type { AssessedUnit, AssessmentStatus, LoadedAssessment } from "./types.ts";

export interface UnitContext {
  tx: Tx;
  loaded: LoadedAssessment;
  unit: AssessedUnit;
}

export interface UnitGate {
  role: Role;
  action: ActionName;
  from: readonly AssessmentStatus[];
  /** The unit's self-assessment must still be a draft (not submitted). */
  draft?: boolean;
}

/**
 * Work on one unit's self-assessment, in one transaction: the assessment is share-locked (its
 * step cannot change meanwhile) and the unit's row locked; then the role over the unit (403),
 * the step (409) and, for edits, the unit's own lock after submission (423) are checked.
 */
export function unitWork<T>(
  db: Db,
  principal: Principal | null,
  code: string,
  unitCode: string,
  gate: UnitGate,
  work: (ctx: UnitContext) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const loaded = await loadAssessment(tx, code, "share");
    const unit = await assessedUnit(tx, loaded, unitCode, "update");
    await assertUnitRole(tx, principal, gate.role, unit, loaded.asOf);
    assertStep(loaded, gate.action, gate.from);
    if (gate.draft && unit.status === "submitted")
      throw new AppError("SELF_ASSESSMENT_LOCKED", { unit: unit.code });
    return work({ tx, loaded, unit });
  });
}

export const unitObjectId = (ctx: { loaded: LoadedAssessment; unit: AssessedUnit }) =>
  `${ctx.loaded.row.code}/${ctx.unit.code}`;

/** The gate of every edit by the unit's preparer (người lập): reporter, while a draft. */
export const fillGate: UnitGate = {
  role: "reporter",
  action: "fill",
  from: ["self_assessment"],
  draft: true,
};
