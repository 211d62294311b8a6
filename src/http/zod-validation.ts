import type { FastifySchemaCompiler } from "fastify";
import { type ZodType, z } from "zod";
import type { $ZodIssue } from "zod/v4/core";
import type { FieldIssue } from "../errors/app-error.ts";
import { zodMessage } from "../errors/zod-messages.ts";

const localeVi = z.locales.vi().localeError;
const localeEn = z.locales.en().localeError;

function localeMessage(locale: typeof localeVi, issue: $ZodIssue): string {
  const out = locale(issue as Parameters<typeof localeVi>[0]);
  return typeof out === "string" ? out : (out?.message ?? issue.message);
}

/**
 * Turns zod issues into our field issues, with the message in both languages: our own schemas'
 * "vi|en" messages, else our catalogue of the library's issues (src/errors/zod-messages.ts),
 * else zod's Vietnamese and English locales.
 */
export function zodIssuesToFieldIssues(issues: readonly $ZodIssue[], prefix?: string): FieldIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
    const ours = customMessage(issue) ?? zodMessage(issue);
    return {
      path,
      message: ours?.vi ?? localeMessage(localeVi, issue),
      message_en: ours?.en ?? localeMessage(localeEn, issue),
      code: issue.code,
    };
  });
}

/** A schema's own "vi|en" message; zod's default messages are not ours, even with a "|" in them. */
function customMessage(issue: $ZodIssue): { vi: string; en: string } | null {
  if (!issue.message.includes("|") || issue.message === localeMessage(localeEn, issue)) return null;
  const [vi = "", en = vi] = issue.message.split("|");
  return { vi, en };
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
