import { type ErrorCode, errorCatalogue, fill } from "./catalogue.ts";

/** A problem with one field of the input; `path` is dotted, e.g. `dataValues.3.value`. */
export interface FieldIssue {
  path: string;
  message: string;
  message_en: string;
  code?: string;
  /** The metric a report value's problem is about (`CDS_01`), beside its path `values.3.value`. */
  metric?: string;
}

/** Every failure the product reports on purpose: typed, coded, bilingual. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly details: FieldIssue[];
  /** Extra machine-readable payload (e.g. an import summary) returned beside the error. */
  readonly body?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    params: Record<string, unknown> = {},
    details: FieldIssue[] = [],
    body?: Record<string, unknown>,
  ) {
    super(fill(errorCatalogue[code].en, params, "en"));
    this.name = "AppError";
    this.code = code;
    this.params = params;
    this.details = details;
    this.body = body;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get messageVi(): string {
    return fill(errorCatalogue[this.code].vi, this.params, "vi");
  }

  get messageEn(): string {
    return fill(errorCatalogue[this.code].en, this.params, "en");
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.messageVi,
        message_en: this.messageEn,
        details: this.details,
      },
      ...this.body,
    };
  }
}

export function fieldIssue(path: string, vi: string, en: string, code?: string): FieldIssue {
  return code ? { path, message: vi, message_en: en, code } : { path, message: vi, message_en: en };
}

/** 400 with the given field issues. */
export function invalid(...details: FieldIssue[]): AppError {
  return new AppError("VALIDATION_FAILED", {}, details);
}

/** 404 naming the missing object in both languages, e.g. notFound("đơn vị", "unit", "29866"). */
export function notFound(objectVi: string, objectEn: string, id: string): AppError {
  return new AppError("NOT_FOUND", { object: { vi: `${objectVi} ${id}`, en: `${objectEn} ${id}` } });
}

export function conflict(objectVi: string, objectEn: string, id: string): AppError {
  return new AppError("CONFLICT", { object: { vi: `${objectVi} ${id}`, en: `${objectEn} ${id}` } });
}
