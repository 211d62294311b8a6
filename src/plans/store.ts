import { type SQL, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { notFound } from "../errors/app-error.ts";
import { messages } from "./messages.ts";

/** Reads of the plan tables; dates come back as ISO text on both engines. */

export interface UnitRef {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

export interface PlanRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  year: number;
  status: "draft" | "active" | "closed";
  issuingBodyVi: string;
  issuingBodyEn: string | null;
  documentRefVi: string | null;
  reportingUnit: UnitRef;
  scopeUnit: UnitRef;
}

export interface PillarRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  position: number;
}

export interface IndicatorRow {
  id: number;
  planId: number;
  pillarId: number;
  pillar: string;
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: "numeric" | "percent" | "milestone" | "unit_count";
  direction: "up" | "down";
  baseline: number | null;
  baselineDate: string;
  target: number;
  deadline: string;
  unitTotal: number | null;
  unitOfMeasureVi: string | null;
  source: "formula" | "progress";
  formula: string | null;
  position: number;
  sample: boolean;
  notes: string | null;
  responsibleUnits: string[];
}

const planSelect = (where: SQL) => sql`
  select p.id, p.code, p.name_vi as "nameVi", p.name_en as "nameEn", p.year, p.status::text as status,
         p.issuing_body_vi as "issuingBodyVi", p.issuing_body_en as "issuingBodyEn",
         p.document_ref_vi as "documentRefVi",
         json_build_object('id', r.id, 'code', r.code, 'nameVi', r.name_vi, 'nameEn', r.name_en) as "reportingUnit",
         json_build_object('id', s.id, 'code', s.code, 'nameVi', s.name_vi, 'nameEn', s.name_en) as "scopeUnit"
  from plans p join units r on r.id = p.reporting_unit_id join units s on s.id = p.scope_unit_id
  where ${where} order by p.year desc, p.code`;

export async function listPlanRows(conn: Conn): Promise<PlanRow[]> {
  return queryRows<PlanRow>(conn, planSelect(sql`true`));
}

/** The plan with this code, or 404. */
export async function planByCode(conn: Conn, code: string): Promise<PlanRow> {
  const [plan] = await queryRows<PlanRow>(conn, planSelect(sql`p.code = ${code}`));
  if (!plan) throw notFound(messages.plan.vi, messages.plan.en, code);
  return plan;
}

export async function pillarsOf(conn: Conn, planId: number): Promise<PillarRow[]> {
  return queryRows<PillarRow>(
    conn,
    sql`select id, code, name_vi as "nameVi", name_en as "nameEn", position
        from plan_pillars where plan_id = ${planId} order by position, id`,
  );
}

const indicatorSelect = (where: SQL) => sql`
  select i.id, i.plan_id as "planId", i.pillar_id as "pillarId", pl.code as pillar, i.code,
         i.name_vi as "nameVi", i.name_en as "nameEn", i.kind::text as kind, i.direction::text as direction,
         i.baseline, i.baseline_date::text as "baselineDate", i.target, i.deadline::text as deadline,
         i.unit_total as "unitTotal", i.unit_of_measure_vi as "unitOfMeasureVi", i.source::text as source,
         i.formula, i.position, i.sample, i.notes,
         coalesce((select json_agg(u.code order by u.code) from plan_indicator_units iu
                   join units u on u.id = iu.unit_id where iu.indicator_id = i.id), '[]'::json)
           as "responsibleUnits"
  from plan_indicators i join plan_pillars pl on pl.id = i.pillar_id
  where ${where} order by pl.position, pl.id, i.position, i.id`;

/** Every indicator of the plan in report order: by pillar, then by position. */
export async function indicatorsOf(conn: Conn, planId: number): Promise<IndicatorRow[]> {
  return queryRows<IndicatorRow>(conn, indicatorSelect(sql`i.plan_id = ${planId}`));
}

/** The plan's indicator with this code, or 404. */
export async function indicatorByCode(conn: Conn, plan: PlanRow, code: string): Promise<IndicatorRow> {
  const [row] = await queryRows<IndicatorRow>(
    conn,
    indicatorSelect(sql`i.plan_id = ${plan.id} and i.code = ${code}`),
  );
  if (!row) throw notFound(messages.indicator.vi, messages.indicator.en, `${plan.code}/${code}`);
  return row;
}

/** The metrics by code, with their value type: formulas are checked against them. */
export async function metricTypes(conn: Conn): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; valueType: string }>(
    conn,
    sql`select code, value_type::text as "valueType" from metrics`,
  );
  return new Map(rows.map((r) => [r.code, r.valueType]));
}
