import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { tryParsePeriod, vietnamDate } from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { authorize, readerRoles } from "../submissions/access.ts";
import { loadFormContext } from "../submissions/context.ts";
import { periodDates, type ReportPeriod } from "../submissions/period.ts";
import { exchangeValue } from "../submissions/values.ts";
import { type Unit, UnitCodes } from "../units/codes.ts";
import { subtreeIdsOn } from "../units/tree.ts";
import type { DataValueOut, DataValueSetOut } from "./schema.ts";

export interface ExportQuery {
  dataSet: string;
  periods: string[];
  orgUnits: string[];
  /** Also every unit below each org unit, in the tree of the period's end. */
  children?: boolean;
  /** Also drafts, submitted and returned reports; by default only approved data leaves. */
  includeUnapproved?: boolean;
}

interface Row {
  dataElement: string;
  valueType: "integer" | "number" | "percent" | "boolean" | "text";
  value: number | null;
  textValue: string | null;
  comment: string | null;
  lastUpdated: string;
  orgUnit: string;
  unitId: number;
  period: string;
}

/** Exported values with their last change, for the CSV's lastupdated column. */
export type ExportedValue = DataValueOut & { lastUpdated: string };

function parsedPeriods(form: Awaited<ReturnType<typeof loadFormContext>>, ids: string[]): ReportPeriod[] {
  return ids.map((id, i) => {
    const parsed = tryParsePeriod(id, form.periodType);
    if (!parsed.ok) throw invalid(fieldIssue(`period.${i}`, parsed.error.messageVi, parsed.error.messageEn));
    return periodDates(form, parsed.period);
  });
}

/**
 * The unit ids to export for each period: the units, or their subtrees with `children`. A code
 * names, in each period, the unit holding it on the period's last day (codes are reused across
 * time: one request over 2024–2026 reads the old commune before the reform and the new after).
 */
async function unitsPerPeriod(
  conn: Conn,
  principal: Principal | null,
  query: ExportQuery,
  periods: ReportPeriod[],
) {
  const holders = await UnitCodes.load(conn, query.orgUnits);
  const rootsOf = periods.map((p) =>
    query.orgUnits.map((code, i) => {
      const unit = holders.get(code, p.end, `orgUnit.${i}`);
      if (!unit)
        throw invalid(fieldIssue(`orgUnit.${i}`, `Không có đơn vị mã ${code}`, `No unit with code ${code}`));
      return unit;
    }),
  );
  const ends = new Map<number, { unit: Unit; ends: string[] }>();
  rootsOf.forEach((units, i) => {
    for (const unit of units) {
      const entry = ends.get(unit.id) ?? { unit, ends: [] };
      entry.ends.push(periods[i]?.end ?? "");
      ends.set(unit.id, entry);
    }
  });
  for (const { unit, ends: on } of ends.values()) await authorize(conn, principal, readerRoles, unit, on);
  // One subtree read per set of roots (one set unless a code changed hands within the range).
  const sets = new Map<string, { ids: number[]; periods: ReportPeriod[] }>();
  periods.forEach((p, i) => {
    const ids = (rootsOf[i] ?? []).map((u) => u.id);
    const set = sets.get(ids.join()) ?? { ids, periods: [] };
    set.periods.push(p);
    sets.set(ids.join(), set);
  });
  const answer = new Map<string, Set<number>>();
  for (const { ids, periods: within } of sets.values()) {
    const on = within.map((p) => p.end);
    const trees = query.children ? await subtreeIdsOn(conn, ids, on) : null;
    for (const p of within) answer.set(p.id, new Set(trees ? trees.get(p.end) : ids));
  }
  return answer;
}

/**
 * Exports a form's values as a DHIS2 data value set with codes as identifiers. One period and
 * one unit without children gives the single shape (with completeDate once submitted); anything
 * else the bulk shape, where each value names its period and unit.
 */
export async function exportDataValueSets(
  conn: Conn,
  query: ExportQuery,
  principal: Principal | null = null,
): Promise<{ set: DataValueSetOut; values: ExportedValue[] }> {
  const form = await loadFormContext(conn, query.dataSet);
  const periods = parsedPeriods(form, query.periods);
  const allowed = await unitsPerPeriod(conn, principal, query, periods);
  const unitIds = [...new Set([...allowed.values()].flatMap((s) => [...s]))];
  const rows =
    unitIds.length === 0
      ? []
      : await queryRows<Row>(
          conn,
          sql`select m.code as "dataElement", m.value_type as "valueType", d.value, d.text_value as "textValue", d.comment,
               d.updated_at as "lastUpdated", u.code as "orgUnit", u.id as "unitId", s.period
        from data_values d
        join submissions s on s.id = d.submission_id
        join metrics m on m.id = d.metric_id
        join units u on u.id = s.unit_id
        join lateral (select fm.position from form_metrics fm
          where fm.form_id = s.form_id and fm.metric_id = d.metric_id and fm.valid_from <= s.period
          order by fm.valid_from desc limit 1) fm on true
        where s.form_id = ${form.id} and s.period in ${periods.map((p) => p.id)} and s.unit_id in ${unitIds}
          and (${query.includeUnapproved === true}::boolean or s.status = 'approved')
        order by s.period_start, u.code, fm.position`,
        );
  const kept = rows.filter((r) => allowed.get(r.period)?.has(r.unitId));
  const values = kept.map((r) => ({
    dataElement: r.dataElement,
    period: r.period,
    orgUnit: r.orgUnit,
    value: exchangeValue(r, r),
    ...(r.comment ? { comment: r.comment } : {}),
    lastUpdated: new Date(r.lastUpdated).toISOString(),
  }));
  const dataValues = values.map(({ lastUpdated: _l, ...v }) => v);
  const [period] = periods;
  const [orgUnit] = query.orgUnits;
  if (periods.length !== 1 || query.orgUnits.length !== 1 || query.children || !period || !orgUnit) {
    return { set: { dataSet: form.code, dataValues }, values };
  }
  const completeDate = await completedOn(conn, form.id, period.id, orgUnit, query.includeUnapproved === true);
  return {
    set: {
      dataSet: form.code,
      period: period.id,
      orgUnit,
      ...(completeDate ? { completeDate } : {}),
      dataValues,
    },
    values,
  };
}

/** The day (in Việt Nam) a report was first submitted, when it counts as complete. */
async function completedOn(
  conn: Conn,
  formId: number,
  period: string,
  unit: string,
  includeUnapproved: boolean,
) {
  const [row] = await queryRows<{ submittedAt: string }>(
    conn,
    sql`select s.submitted_at as "submittedAt" from submissions s join units u on u.id = s.unit_id
        where s.form_id = ${formId} and s.period = ${period} and u.code = ${unit}
          and (s.status = 'approved' or (${includeUnapproved}::boolean and s.status = 'submitted'))`,
  );
  return row?.submittedAt ? vietnamDate(new Date(row.submittedAt)) : undefined;
}

/** The data value set alone, for the CLI's `chiso export`. */
export async function exportDataValueSet(conn: Conn, query: ExportQuery, principal: Principal | null = null) {
  return (await exportDataValueSets(conn, query, principal)).set;
}
