import { isLocked } from "../period/index.ts";

/** Trạng thái báo cáo. */
export type ReportStatus = "draft" | "submitted" | "approved" | "returned";

/**
 * The checks of a write to a report, in the one order every path (the web save, the importer,
 * the bulk loader) runs them; the first that fails is the answer: the unit exists; the period
 * is one the form may be reported for; the writer has the reporter role over the unit; the
 * unit is assigned the form; then `editRefusal`: the report's status allows editing (approved
 * → LOCKED, submitted → INVALID_TRANSITION), the form's time lock (LOCKED), the values parse
 * and lie within bounds (400). So a locked report with bad values answers 423 on every path.
 */
export type EditRefusal = "approved" | "submitted" | "locked" | "values";

export interface EditState {
  /** The stored report's status; null when there is none yet. */
  status: ReportStatus | null;
  /** Past the form's lock date, not reopened, and the writer is not exempt (admin, system). */
  locked: boolean;
  /** Some value (or narrative section) cannot be stored. */
  invalid: boolean;
  /** The write would change something; a save that changes nothing is never refused. */
  changed: boolean;
}

/** The last checks of a write, in order: status, lock, values. */
export function editRefusal(state: EditState): EditRefusal | null {
  if (!state.invalid && !state.changed) return null;
  if (state.status === "approved") return "approved";
  if (state.status === "submitted") return "submitted";
  if (state.locked) return "locked";
  return state.invalid ? "values" : null;
}

export interface LockState {
  /** Today in Việt Nam (`vietnamDate`). */
  today: string;
  /** The form's lock date of the period; null when the form never locks. */
  lock: string | null;
  now: Date;
  /** An admin reopened the report until this moment. */
  reopenedUntil: Date | null;
}

/** Locked after the lock date, unless an admin reopened the report until later than `now`. */
export function isTimeLocked(state: LockState): boolean {
  if (state.reopenedUntil && state.reopenedUntil > state.now) return false;
  return isLocked(state.today, state.lock);
}
