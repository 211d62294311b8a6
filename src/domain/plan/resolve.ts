import { PlanError } from "./errors.ts";
import { declarationFields, planMessages } from "./messages.ts";
import type { DeclaredStatus, ResolvedStatus, StatusOverride, StatusResult } from "./types.ts";

const OVERRIDABLE: readonly string[] = ["done", "likely", "at_risk"];

function blank(text: unknown): boolean {
  return typeof text !== "string" || text.trim() === "";
}

/**
 * Throws PlanError unless the override can stand: a status the data could also reach, a
 * non-empty reason (OVERRIDE_REASON_REQUIRED: an unexplained override is the "owner never
 * updates" problem in disguise) and who made it (OVERRIDE_AUTHOR_REQUIRED).
 */
export function validateOverride(override: StatusOverride): void {
  if (!OVERRIDABLE.includes(override.status)) {
    throw new PlanError(
      "INVALID_STATUS",
      "override.status",
      planMessages.invalidStatus("override.status", override.status),
    );
  }
  if (blank(override.reason)) {
    throw new PlanError("OVERRIDE_REASON_REQUIRED", "override.reason", planMessages.overrideReason());
  }
  if (blank(override.by)) {
    throw new PlanError("OVERRIDE_AUTHOR_REQUIRED", "override.by", planMessages.overrideAuthor());
  }
}

/** Throws DECLARATION_INCOMPLETE unless the declaration names its body or decision, and a reason. */
export function validateDeclared(declared: DeclaredStatus): void {
  if (declared.kind === "dependent") {
    if (blank(declared.body)) throw incomplete("body");
  } else if (declared.kind === "discontinued") {
    if (blank(declared.decision)) throw incomplete("decision");
  } else {
    const kind: unknown = (declared as { kind: unknown }).kind;
    throw new PlanError("INVALID_STATUS", "declared.kind", planMessages.invalidStatus("declared.kind", kind));
  }
  if (blank(declared.reason)) throw incomplete("reason");
}

function incomplete(field: keyof typeof declarationFields): PlanError {
  return new PlanError(
    "DECLARATION_INCOMPLETE",
    `declared.${field}`,
    planMessages.declarationIncomplete(declarationFields[field]),
  );
}

/**
 * The status to report. Precedence: a declaration (dependent, discontinued) wins, since it
 * is a fact and the computation only a forecast; then an override, marked `overridden`;
 * then the computed status. The computed result is always kept beside the final one, so a
 * reader sees what the data says. Both inputs are validated whenever given, even when the
 * other one wins, so a bad override is caught when entered rather than when it first counts.
 * Throws PlanError (see validateOverride, validateDeclared).
 */
export function resolveStatus(
  computed: StatusResult,
  declared?: DeclaredStatus | null,
  override?: StatusOverride | null,
): ResolvedStatus {
  if (declared) validateDeclared(declared);
  if (override) validateOverride(override);
  const kept = override ? { override } : {};
  if (declared) {
    return {
      status: declared.kind,
      source: "declared",
      overridden: false,
      reason: declared.reason,
      declared,
      ...kept,
      computed,
    };
  }
  if (override) {
    return {
      status: override.status,
      source: "override",
      overridden: true,
      reason: override.reason,
      override,
      computed,
    };
  }
  return { status: computed.status, source: "computed", overridden: false, computed };
}
