import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { assertPlanReader } from "./access.ts";
import { declarationsOf, overridesOf } from "./judgements.ts";
import { progressOf } from "./progress.ts";
import { indicatorByCode, indicatorsOf, listPlanRows, type PlanRow, pillarsOf, planByCode } from "./store.ts";

export interface FigureRow {
  id: number;
  pillar: string;
  code: string;
  formula: string | null;
  shareOf: string | null;
  labelVi: string | null;
  labelEn: string | null;
  unitOfMeasureVi: string | null;
  decimals: number | null;
  byLevel: boolean;
  position: number;
}

export interface DocumentRow {
  id: number;
  pillar: string | null;
  number: string;
  date: string;
  issuerVi: string;
  summaryVi: string;
  summaryEn: string | null;
  sample: boolean;
}

/** The plan's key figures, by pillar and position. */
export async function figuresOf(conn: Conn, planId: number): Promise<FigureRow[]> {
  return queryRows<FigureRow>(
    conn,
    sql`select f.id, p.code as pillar, f.code, f.formula, f.share_of_metric_code as "shareOf",
               f.label_vi as "labelVi", f.label_en as "labelEn", f.unit_of_measure_vi as "unitOfMeasureVi",
               f.decimals, f.by_level as "byLevel", f.position
        from plan_key_figures f join plan_pillars p on p.id = f.pillar_id
        where p.plan_id = ${planId} order by p.position, p.id, f.position, f.id`,
  );
}

/** The plan's documents dated within [from, to], oldest first. */
export async function documentsOf(
  conn: Conn,
  planId: number,
  from = "1900-01-01",
  to = "2100-12-31",
): Promise<DocumentRow[]> {
  return queryRows<DocumentRow>(
    conn,
    sql`select d.id, p.code as pillar, d.number, d.date::text as date, d.issuer_vi as "issuerVi",
               d.summary_vi as "summaryVi", d.summary_en as "summaryEn", d.sample
        from plan_documents d left join plan_pillars p on p.id = d.pillar_id
        where d.plan_id = ${planId} and d.date between ${from}::date and ${to}::date
        order by d.date, d.id`,
  );
}

/** The plans the caller may read. */
export async function listPlans(conn: Conn, principal: Principal | null): Promise<PlanRow[]> {
  const readable: PlanRow[] = [];
  for (const plan of await listPlanRows(conn)) {
    try {
      await assertPlanReader(conn, principal, plan);
      readable.push(plan);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 403) throw error;
    }
  }
  return readable;
}

/** A plan with its pillars (each with its key figures), indicators and documents. */
export async function planDetail(conn: Conn, principal: Principal | null, code: string) {
  const plan = await planByCode(conn, code);
  await assertPlanReader(conn, principal, plan);
  const figures = await figuresOf(conn, plan.id);
  const pillars = (await pillarsOf(conn, plan.id)).map((p) => ({
    ...p,
    figures: figures.filter((f) => f.pillar === p.code),
  }));
  return {
    ...plan,
    pillars,
    indicators: await indicatorsOf(conn, plan.id),
    documents: await documentsOf(conn, plan.id),
  };
}

/** An indicator with its progress updates, declarations and overrides. */
export async function indicatorDetail(
  conn: Conn,
  principal: Principal | null,
  planCode: string,
  code: string,
) {
  const plan = await planByCode(conn, planCode);
  await assertPlanReader(conn, principal, plan);
  const indicator = await indicatorByCode(conn, plan, code);
  return {
    ...indicator,
    plan: plan.code,
    progress: await progressOf(conn, indicator.id),
    declarations: await declarationsOf(conn, [indicator.id]),
    overrides: await overridesOf(conn, [indicator.id]),
  };
}
