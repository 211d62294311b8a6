import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { formatPeriod, tryParsePeriod } from "../domain/period/index.ts";
import { AppError, type FieldIssue } from "../errors/app-error.ts";
import { assertSafeZip, unreadable } from "../files/upload-zip.ts";
import type { FormView } from "../forms/schema.ts";
import { parseChecked } from "../metrics/expression.ts";
import type { SaveResult } from "../submissions/schema.ts";
import { saveDraft } from "../submissions/service.ts";
import { templateTarget } from "./content.ts";
import { COL, HEADER_CELLS, TABLE_HEADER_ROW } from "./layout.ts";
import { type CellIssue, type ReadTemplate, readTemplate } from "./read.ts";

type Target = Awaited<ReturnType<typeof templateTarget>>;

/** 422 TEMPLATE_REJECTED: each problem at its cell, also as `details` at `cells.<cell>`. */
function rejected(cells: CellIssue[]): AppError {
  const details: FieldIssue[] = cells.map((c) => ({
    path: `cells.${c.cell}`,
    message: c.message,
    message_en: c.message_en,
  }));
  return new AppError("TEMPLATE_REJECTED", { count: cells.length }, details, { cells });
}

/** The header cells must name the form, unit and period the upload is for. */
function headerIssues(read: ReadTemplate, t: Target): CellIssue[] {
  const samePeriod = (text: string) => {
    const parsed = tryParsePeriod(text, t.form.periodType);
    return parsed.ok && formatPeriod(parsed.period) === formatPeriod(t.period);
  };
  const checks: [keyof typeof HEADER_CELLS, string, boolean][] = [
    ["form", t.form.code, read.header.form === t.form.code],
    ["unit", t.unit.code, read.header.unit === t.unit.code],
    ["period", formatPeriod(t.period), samePeriod(read.header.period)],
  ];
  return checks
    .filter(([, , ok]) => !ok)
    .map(([key, expected]) => ({
      cell: HEADER_CELLS[key],
      metric: null,
      message: `Ô này phải là ${expected}: tệp là mẫu của biểu mẫu, đơn vị hoặc kỳ khác`,
      message_en: `This cell must read ${expected}: the file is the template of another form, unit or period`,
    }));
}

/** The draft's own refusals (values.N.value, unit, period, narrative.X) moved to their cells. */
function cellsOf(error: AppError, read: ReadTemplate): CellIssue[] | null {
  const cells = error.details.map((d): CellIssue | null => {
    const index = /^values\.(\d+)\./.exec(d.path)?.[1];
    const value = index === undefined ? undefined : read.values[Number(index)];
    if (value)
      return { cell: value.cell, metric: value.metric, message: d.message, message_en: d.message_en };
    const header = d.path === "unit" ? HEADER_CELLS.unit : d.path === "period" ? HEADER_CELLS.period : null;
    return header ? { cell: header, metric: null, message: d.message, message_en: d.message_en } : null;
  });
  return cells.every((c) => c !== null) ? cells : null;
}

/** Failed rules of severity error, each at the cell of the first metric it names. */
function ruleCells(result: SaveResult, form: FormView, read: ReadTemplate): CellIssue[] {
  const cellOf = new Map(read.values.map((v) => [v.metric, v.cell]));
  return result.warnings
    .filter((w) => w.code === "error")
    .map((w) => {
      const rule = form.rules.find((r) => `rules.${r.code}` === w.path);
      const parsed = rule ? parseChecked(rule.expression) : null;
      const metric = (parsed?.ok ? parsed.refs : []).find((code) => cellOf.has(code)) ?? null;
      const cell = (metric && cellOf.get(metric)) || `${COL.value}${TABLE_HEADER_ROW}`;
      return { cell, metric, message: w.message, message_en: w.message_en };
    });
}

/**
 * Saves a filled template as the report's draft, all or nothing: the workbook is checked for
 * size before it is unpacked, every row is read, then the values go through the same checks as
 * the form page (types, ranges, the form's error rules). Any problem answers 422 naming each
 * cell and nothing is written. The upload replaces the values of every metric row (an empty
 * cell removes a value) and the narrative sections it carries.
 */
export async function uploadTemplate(
  db: Conn,
  actor: Actor,
  principal: Principal,
  query: { code: string; unit: string; period: string },
  bytes: Buffer,
): Promise<SaveResult> {
  assertSafeZip(bytes);
  const target = await templateTarget(db, query.code, query.unit, query.period);
  const read = await readTemplate(
    bytes,
    new Set(target.form.metrics.map((m) => m.code)),
    new Set(target.form.sections.map((s) => s.code)),
  ).catch(() => {
    throw unreadable();
  });
  const problems = [...headerIssues(read, target), ...read.issues];
  if (problems.length) throw rejected(problems);
  return db.transaction(async (tx) => {
    const input = {
      form: target.form.code,
      unit: target.unit.code,
      period: formatPeriod(target.period),
      values: read.values.map(({ metric, value, comment }) => ({ metric, value, comment })),
      narrative: read.narrative,
    };
    const result = await saveDraft(tx, actor, principal, input, { ignoreVersion: true }).catch((error) => {
      const cells = error instanceof AppError && error.code === "VALIDATION_FAILED" && cellsOf(error, read);
      throw cells ? rejected(cells) : error;
    });
    const failed = ruleCells(result, target.form, read);
    if (failed.length) throw rejected(failed);
    return result;
  });
}
