import { type Principal, requireRole } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { listSubmissions } from "./queries.ts";
import { approve, returnSubmission } from "./workflow.ts";

/** The most reports one request decides: a province's month is about 175. */
export const MAX_DECISIONS = 2000;

/** Phê duyệt hàng loạt: which submitted reports, as a selection (with the versions seen) or a filter. */
export type DecisionTarget =
  | { reports: { id: number; version: number }[] }
  | { filter: { form?: string; period?: string; unit?: string } };

export interface DecisionOutcome {
  id: number;
  outcome: "approved" | "returned" | "refused";
  version: number | null;
  error: { code: string; message: string; message_en: string } | null;
}

/** The submitted reports a filter names within the caller's scope, with their current versions. */
async function resolve(conn: Conn, principal: Principal, target: DecisionTarget) {
  if ("reports" in target) return target.reports;
  const found = await listSubmissions(conn, principal, {
    ...target.filter,
    status: "submitted",
  });
  if (found.length > MAX_DECISIONS) {
    throw invalid(
      fieldIssue(
        "filter",
        `Bộ lọc chọn hơn ${MAX_DECISIONS} báo cáo; hãy thu hẹp (biểu mẫu, kỳ, đơn vị)`,
        `The filter selects more than ${MAX_DECISIONS} reports; narrow it (form, period, unit)`,
      ),
    );
  }
  return found.map((s) => ({ id: s.id, version: s.version }));
}

/**
 * Approves, or returns with one reason, many submitted reports in one request. Each report goes
 * through the same transition as a single decision, in its own transaction with its own audit
 * row; one refused report (out of scope, changed since, the submitter's own) does not stop the
 * others, and the answer says report by report what happened.
 */
export async function decideMany(
  db: Conn,
  actor: Actor,
  principal: Principal,
  decision: { action: "approve" } | { action: "return"; reason: string },
  target: DecisionTarget,
): Promise<DecisionOutcome[]> {
  requireRole(principal, ["approver"]);
  const reports = await resolve(db, principal, target);
  const outcomes: DecisionOutcome[] = [];
  for (const { id, version } of reports) {
    try {
      const done =
        decision.action === "approve"
          ? await approve(db, actor, principal, id, version)
          : await returnSubmission(db, actor, principal, id, version, decision.reason);
      outcomes.push({
        id,
        outcome: decision.action === "approve" ? "approved" : "returned",
        version: done.version,
        error: null,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { code, message, message_en } = error.toJSON().error;
      outcomes.push({ id, outcome: "refused", version: null, error: { code, message, message_en } });
    }
  }
  return outcomes;
}
