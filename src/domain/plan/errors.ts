import type { Text } from "../period/index.ts";

export type PlanErrorCode =
  | "INVALID_DATE"
  | "INVALID_SPEC"
  | "INVALID_OBSERVATION"
  | "DUPLICATE_OBSERVATION"
  | "INVALID_OPTION"
  | "INVALID_STATUS"
  | "OVERRIDE_REASON_REQUIRED"
  | "OVERRIDE_AUTHOR_REQUIRED"
  | "DECLARATION_INCOMPLETE";

/**
 * Input the plan rules cannot judge. `path` names the offending field (dotted, e.g.
 * `override.reason`, `observations.3.value`) so a service can turn it into a field issue;
 * `message` is the English text.
 */
export class PlanError extends Error {
  readonly code: PlanErrorCode;
  readonly path: string;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: PlanErrorCode, path: string, text: Text) {
    super(text.en);
    this.name = "PlanError";
    this.code = code;
    this.path = path;
    this.messageVi = text.vi;
    this.messageEn = text.en;
  }
}
