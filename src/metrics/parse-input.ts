import type { z } from "zod";
import { invalid } from "../errors/app-error.ts";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";

/**
 * Validates service input with the same zod schema the route uses, so the demo loader and the
 * CLI get the same 400 and field paths as the API. `prefix` starts each path (e.g. "3").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(...zodIssuesToFieldIssues(result.error.issues, prefix));
  return result.data;
}
