import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { parsePeriod, periodEnd } from "../domain/period/index.ts";
import { type Completeness, completenessOver } from "../submissions/completeness.ts";
import type { CompletenessCell, Summary } from "./schema.ts";
import { type ChildUnit, rowOfUnit } from "./tree.ts";

type Counts = Omit<CompletenessCell, "period">;

const empty = (): Counts => ({ expected: 0, onTime: 0, late: 0, missing: 0 });

function add(into: Counts, status: string, late: boolean | null): void {
  into.expected++;
  if (status === "submitted" || status === "approved") {
    if (late) into.late++;
    else into.onTime++;
  } else into.missing++;
}

/** The forms' first periods: before it, a form expects no report. */
async function openingMonths(conn: Conn, forms: readonly string[]): Promise<Map<string, string>> {
  if (forms.length === 0) return new Map();
  const rows = await queryRows<{ code: string; openFrom: string | null }>(
    conn,
    sql`select code, open_from as "openFrom" from forms where code in ${[...forms]}`,
  );
  return new Map(rows.map((r) => [r.code, r.openFrom ?? ""]));
}

/** One month: the counts per grid row (the unit below the scope a report falls under) and in total. */
async function monthCounts(
  conn: Conn,
  scopeId: number,
  month: string,
  answers: readonly Completeness[],
): Promise<{ rows: Map<string, Counts>; total: Counts }> {
  const rowOf = await rowOfUnit(conn, scopeId, periodEnd(parsePeriod(month, "month")));
  const rows = new Map<string, Counts>();
  const total = empty();
  for (const u of answers.flatMap((a) => a.byUnit)) {
    add(total, u.status, u.late);
    const row = rowOf.get(u.unit);
    if (!row) continue;
    const counts = rows.get(row) ?? empty();
    add(counts, u.status, u.late);
    rows.set(row, counts);
  }
  return { rows, total };
}

/** Each form's completeness over the months it is open (one read per form), by month. */
async function answersByMonth(
  conn: Conn,
  principal: Principal,
  forms: readonly string[],
  months: readonly string[],
): Promise<Map<string, Completeness[]>> {
  const opening = await openingMonths(conn, forms);
  const byMonth = new Map<string, Completeness[]>();
  for (const form of forms) {
    const open = months.filter((m) => (opening.get(form) ?? "") <= m);
    const [from, to] = [open[0], open.at(-1)];
    if (!from || !to) continue;
    for (const answer of await completenessOver(conn, principal, { form, from, to })) {
      if (!open.includes(answer.period)) continue;
      byMonth.set(answer.period, [...(byMonth.get(answer.period) ?? []), answer]);
    }
  }
  return byMonth;
}

/**
 * Tính đầy đủ, kịp thời as a grid: `children`, units below the screen's unit (districts and
 * departments below the province, communes below a district), by month, each cell counting its
 * subtree's reports on time, late and missing, over the plan's feeding forms open that month; the
 * totals count the whole subtree of the unit, read as `reader` (a viewer over the unit). Rows
 * without any expected report are left out.
 */
export async function completenessGrid(
  conn: Conn,
  reader: Principal,
  scopeId: number,
  forms: readonly string[],
  months: readonly string[],
  children: readonly ChildUnit[],
): Promise<Summary["completeness"]> {
  const answers = await answersByMonth(conn, reader, forms, months);
  const perMonth: { rows: Map<string, Counts>; total: Counts }[] = [];
  for (const month of months)
    perMonth.push(await monthCounts(conn, scopeId, month, answers.get(month) ?? []));
  const rows = children
    .map((c) => ({
      code: c.code,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      kind: c.kind,
      cells: months.map((period, i) => ({ period, ...(perMonth[i]?.rows.get(c.code) ?? empty()) })),
    }))
    .filter((r) => r.cells.some((cell) => cell.expected > 0));
  return {
    forms: [...forms],
    months: [...months],
    totals: months.map((period, i) => ({ period, ...(perMonth[i]?.total ?? empty()) })),
    rows,
  };
}
