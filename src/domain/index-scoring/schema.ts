import { z } from "zod";
import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m } from "./framework-messages.ts";
import { describeIssue } from "./schema-messages.ts";
import type { Framework } from "./types.ts";
import { validateFramework } from "./validate.ts";

// Strict objects everywhere: a misspelt key in a hand-written JSON ("maxPoint") is a mistake
// to report, not a field to drop silently.
const text = z.string().trim().min(1);
const points = z.union([z.number(), z.record(z.string(), z.number())]);
const award = { points: z.number().optional(), share: z.number().optional() };

const method = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("yes_no") }),
  z.strictObject({
    kind: z.literal("tiers"),
    options: z.array(z.strictObject({ code: z.string(), labelVi: text, labelEn: text, ...award })),
  }),
  z.strictObject({
    kind: z.literal("ratio"),
    zeroDenominator: z.enum(["full", "zero"]).optional(),
    fullAt: z.number().optional(),
  }),
  z.strictObject({
    kind: z.literal("count_thresholds"),
    thresholds: z.array(z.strictObject({ atLeast: z.number(), ...award })),
  }),
  z.strictObject({
    kind: z.literal("numeric_thresholds"),
    direction: z.enum(["at_least", "at_most"]),
    thresholds: z.array(z.strictObject({ limit: z.number(), ...award })),
    scale: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  }),
  z.strictObject({ kind: z.literal("manual") }),
]);

/** The shape of a framework definition (zod 4); `parseFramework` adds the semantic checks. */
export const frameworkSchema = z.strictObject({
  code: z.string(),
  year: z.number(),
  nameVi: text,
  nameEn: text,
  groups: z.array(z.strictObject({ code: z.string(), nameVi: text, nameEn: text, maxTotal: z.number() })),
  pillars: z.array(z.strictObject({ code: z.string(), nameVi: text, nameEn: text, maxPoints: points })),
  criteria: z.array(
    z.strictObject({
      code: z.string(),
      pillar: z.string(),
      groups: z.array(z.string()),
      nameVi: text,
      nameEn: text,
      maxPoints: points,
      method,
      methodNoteVi: z.string().optional(),
      evidenceRequired: z.string(),
      dataSource: z.string(),
      verifyingUnit: z.string(),
      metricExpression: z.string().optional(),
    }),
  ),
});

export type FrameworkParseResult =
  | { readonly ok: true; readonly framework: Framework }
  | { readonly ok: false; readonly problems: FrameworkProblem[] };

/**
 * Reads a framework from untrusted data (parsed JSON, rows mapped from a spreadsheet): first
 * its shape, then `validateFramework`. Problems carry the same paths either way.
 */
export function parseFramework(input: unknown): FrameworkParseResult {
  const shaped = frameworkSchema.safeParse(input);
  if (!shaped.success) {
    const problems = shaped.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      if (issue.code === "invalid_union" && "discriminator" in issue) {
        const kind = kindAt(input, issue.path);
        return problem(path, "UNKNOWN_METHOD", m.unknownMethod(kind));
      }
      return problem(path, "INVALID_SHAPE", m.shape(describeIssue(issue)));
    });
    return { ok: false, problems };
  }
  const framework: Framework = shaped.data;
  const problems = validateFramework(framework);
  return problems.length === 0 ? { ok: true, framework } : { ok: false, problems };
}

/** The value at `path` in the raw input, quoted for the message. */
function kindAt(input: unknown, path: readonly PropertyKey[]): string {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== "object" || at === null || typeof key === "symbol") return "";
    at = (at as Record<string | number, unknown>)[key];
  }
  return String(at);
}
