export type TemplateErrorCode =
  | "TOO_LONG"
  | "UNCLOSED_TAG"
  | "BAD_TAG"
  | "UNEXPECTED_TAG"
  | "UNCLOSED_BLOCK"
  | "TOO_DEEP"
  | "UNKNOWN_FILTER"
  | "UNKNOWN_NAME"
  | "NOT_PRINTABLE"
  | "NOT_A_LIST"
  | "FILTER_MISMATCH"
  | "OUTPUT_TOO_LONG";

/** A template that cannot be used, with the 1-based position of the problem in its text. */
export class TemplateError extends Error {
  readonly code: TemplateErrorCode;
  readonly position: number;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: TemplateErrorCode, position: number, vi: string, en: string) {
    super(`${en} (position ${position})`);
    this.name = "TemplateError";
    this.code = code;
    this.position = position;
    this.messageVi = `${vi} (vị trí ${position})`;
    this.messageEn = `${en} (position ${position})`;
  }
}
