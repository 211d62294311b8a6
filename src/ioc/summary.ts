import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import {
  formatPeriod,
  labelEn,
  labelVi,
  type Period,
  periodEnd,
  previousPeriod,
  tryParsePeriod,
} from "../domain/period/index.ts";
import { fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { assertPlanReader, planReader } from "../plans/access.ts";
import { figuresOf } from "../plans/queries.ts";
import { feedingForms } from "../plans/report-parts.ts";
import { planStatus } from "../plans/status.ts";
import { indicatorsOf, listPlanRows, type PlanRow, planByCode } from "../plans/store.ts";
import { completenessGrid } from "./completeness.ts";
import { figuresWithTrend, monthsUpTo } from "./figures.ts";
import { mapPart } from "./map.ts";
import { rankingPart } from "./ranking.ts";
import type { Summary, SummaryQuery } from "./schema.ts";
import { childUnits } from "./tree.ts";

/** How many months the completeness grid shows, ending with the period. */
export const GRID_MONTHS = 6;

/** Months with at least one approved monthly report, newest first (at most five years). */
export async function approvedMonths(conn: Conn): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    sql`select distinct s.period from submissions s join forms f on f.id = s.form_id
        where s.status = 'approved' and f.period_type = 'month' order by s.period desc limit 60`,
  );
  return rows.map((r) => r.period);
}

/** The asked plan, else the latest active one (plans come newest year first). */
async function chosenPlan(conn: Conn, code: string | undefined): Promise<PlanRow> {
  if (code) return planByCode(conn, code);
  const plans = await listPlanRows(conn);
  const plan = plans.find((p) => p.status === "active") ?? plans[0];
  if (!plan) throw notFound("kế hoạch", "plan", "");
  return plan;
}

/** The asked month, else the latest with approved data, else last month. 400 at `period` for a non-month. */
function chosenPeriod(asked: string | undefined, months: readonly string[]): Period {
  const id = asked ?? months[0] ?? formatPeriod(previousPeriod(tryMonth(clock.today().slice(0, 7))));
  return tryMonth(id);
}

function tryMonth(id: string): Period {
  const parsed = tryParsePeriod(id, "month");
  if (!parsed.ok) throw invalid(fieldIssue("period", parsed.error.messageVi, parsed.error.messageEn));
  return parsed.period;
}

async function statusPart(conn: Conn, principal: Principal, plan: PlanRow, period: Period) {
  if (period.year !== plan.year) return null;
  const status = await planStatus(conn, principal, plan.code, formatPeriod(period));
  return { totals: status.totals, pillars: status.pillars };
}

/**
 * Everything the leaders' screen (IOC) shows for a plan and a month, in one answer: indicator
 * counts per pillar, key figures with their trend and last month, reporting completeness by
 * unit and month, the index ranking and the map's figures by district. Readers of the plan only.
 */
export async function iocSummary(
  conn: Conn,
  principal: Principal,
  query: SummaryQuery,
): Promise<Omit<Summary, "version">> {
  const plan = await chosenPlan(conn, query.plan);
  await assertPlanReader(conn, principal, plan);
  const periods = await approvedMonths(conn);
  const period = chosenPeriod(query.period, periods);
  const id = formatPeriod(period);
  const figureRows = await figuresOf(conn, plan.id);
  const figures = await figuresWithTrend(conn, planReader(plan, principal), plan, figureRows, period);
  const forms = await feedingForms(conn, await indicatorsOf(conn, plan.id), figureRows);
  const children = await childUnits(conn, plan.scopeUnit.id, periodEnd(period));
  const labels = new Map(figures.map((f) => [f.code, f]));
  return {
    period: { id, labelVi: labelVi(period), labelEn: labelEn(period) },
    periods,
    plan: {
      code: plan.code,
      nameVi: plan.nameVi,
      nameEn: plan.nameEn,
      year: plan.year,
      scopeUnit: plan.scopeUnit.code,
    },
    status: await statusPart(conn, principal, plan, period),
    figures,
    completeness: await completenessGrid(
      conn,
      principal,
      plan.scopeUnit.id,
      forms,
      monthsUpTo(period, GRID_MONTHS),
      children,
    ),
    ranking: await rankingPart(conn, principal, query.assessment),
    map: await mapPart(conn, principal, plan.scopeUnit.code, figureRows, children, labels, id),
  };
}
