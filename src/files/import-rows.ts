/**
 * What a list import (units, users) answers: each row of the file as `create`, `unchanged` or
 * `rejected` with its problems at `rows.<row>.<field>`, and the counts. OK: written (or, in a
 * dry run, would be written); ERROR: a row is rejected, nothing written.
 */
import { z } from "zod";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";

export type ImportAction = "create" | "unchanged" | "rejected";

export interface ImportRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  action: ImportAction;
  issues: FieldIssue[];
}

export interface ImportSummary<R extends ImportRow> {
  status: "OK" | "ERROR";
  dryRun: boolean;
  counts: Record<ImportAction, number>;
  rows: R[];
}

/** Marks the row rejected, with the problem at `rows.<row>.<field>`. */
export function rejectRow(o: ImportRow, field: string, vi: string, en: string): void {
  o.action = "rejected";
  o.issues.push(fieldIssue(`rows.${o.row}.${field}`, vi, en));
}

export function summarise<R extends ImportRow>(rows: R[], dryRun: boolean): ImportSummary<R> {
  const counts = { create: 0, unchanged: 0, rejected: 0 };
  for (const o of rows) counts[o.action] += 1;
  return { status: counts.rejected > 0 ? "ERROR" : "OK", dryRun, counts, rows };
}

export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  message_en: z.string(),
  code: z.string().optional(),
});

/** The answer's schema, given the fields a row adds (the unit's code and level, the username). */
export const importSummarySchema = <S extends z.ZodRawShape>(rowFields: S) =>
  z.object({
    status: z.enum(["OK", "ERROR"]),
    dryRun: z.boolean(),
    counts: z.object({ create: z.number(), unchanged: z.number(), rejected: z.number() }),
    rows: z.array(
      z.object({
        row: z.number(),
        action: z.enum(["create", "unchanged", "rejected"]),
        issues: z.array(fieldIssueSchema),
        ...rowFields,
      }),
    ),
  });
