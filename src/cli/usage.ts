import { CliStop } from "./stop.ts";

/**
 * A command called wrongly (a missing or bad option, a missing file name): one line, exit code
 * 2; main adds where to read the command's usage.
 */
export class UsageError extends CliStop {
  constructor(line: string) {
    super(line, 2);
  }
}

/** `cần --period / needs --period`. */
export const needs = (...what: string[]) =>
  new UsageError(`cần ${what.join(", ")} / needs ${what.join(", ")}`);

/** The refusal naming each of these options that was given no value (or an empty list). */
export function missing(options: Record<string, unknown>): UsageError {
  const absent = Object.entries(options)
    .filter(([, v]) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0))
    .map(([flag]) => flag);
  return needs(...absent);
}

/** The option's value among the allowed ones (the default when absent), else every allowed value named. */
export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  const list = allowed.join(", ");
  throw new UsageError(
    `${flag} ${String(value)} không hợp lệ, chọn một trong: ${list} / ${flag} ${String(value)} is not valid; one of: ${list}`,
  );
}

/** The command's first positional argument (a file, a username), or a usage error naming it. */
export function argument(positionals: readonly string[], name = "FILE"): string {
  const [first] = positionals;
  if (!first) throw needs(name);
  return first;
}
