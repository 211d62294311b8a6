import type { FastifySchemaCompiler } from "fastify";
import { type ZodType, z } from "zod";
import type { $ZodIssue } from "zod/v4/core";
import type { FieldIssue } from "../errors/app-error.ts";

const localeVi = z.locales.vi().localeError;
const localeEn = z.locales.en().localeError;

function localeMessage(locale: typeof localeVi, issue: $ZodIssue): string {
  const out = locale(issue as Parameters<typeof localeVi>[0]);
  return typeof out === "string" ? out : (out?.message ?? issue.message);
}

/**
 * Turns zod issues into our field issues, with the message in both languages. Our own schemas
 * may set a custom message as "vi|en"; otherwise zod's Vietnamese and English locales speak.
 */
export function zodIssuesToFieldIssues(issues: readonly $ZodIssue[], prefix?: string): FieldIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
    const custom = issue.message.includes("|") ? issue.message.split("|") : null;
    return {
      path,
      message: custom?.[0] ?? localeMessage(localeVi, issue),
      message_en: custom?.[1] ?? localeMessage(localeEn, issue),
      code: issue.code,
    };
  });
}

/** Carries zod issues through Fastify's validation path to our error handler. */
export class RequestValidationError extends Error {
  readonly issues: readonly $ZodIssue[];
  constructor(issues: readonly $ZodIssue[]) {
    super("request validation failed");
    this.issues = issues;
  }
}

/** Like fastify-type-provider-zod's compiler, but keeps the input so messages say what was received. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };
