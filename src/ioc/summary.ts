import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import {
  type DueRule,
  formatPeriod,
  labelEn,
  labelVi,
  latestDuePeriod,
  makePeriod,
  type Period,
  periodEnd,
  periodOf,
  previousPeriod,
  tryParsePeriod,
} from "../domain/period/index.ts";
import { fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { assertPlanReader } from "../plans/access.ts";
import { figuresOf } from "../plans/queries.ts";
import { feedingForms } from "../plans/report-parts.ts";
import { planStatus } from "../plans/status.ts";
import { indicatorsOf, listPlanRows, type PlanRow, planByCode } from "../plans/store.ts";
import { completenessGrid } from "./completeness.ts";
import { figuresWithTrend, monthsUpTo } from "./figures.ts";
import { mapPart } from "./map.ts";
import { rankingPart } from "./ranking.ts";
import type { Summary, SummaryQuery } from "./schema.ts";
import { iocScope } from "./scope.ts";
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

/**
 * The month the screen opens on: the latest month whose reports are due (its due date has passed
 * on `today`) for every monthly form feeding the plan, the earliest of the forms' latest due months
 * when they differ; last month when no form feeds the plan.
 */
export async function latestDueMonth(conn: Conn, forms: readonly string[], today: string): Promise<Period> {
  const rules = forms.length
    ? await queryRows<{ dueRule: DueRule }>(
        conn,
        sql`select due_rule as "dueRule" from forms where code in ${[...forms]} and period_type = 'month'`,
      )
    : [];
  const due = rules.map((r) => formatPeriod(latestDuePeriod("month", r.dueRule, today))).sort();
  return due[0] ? tryMonth(due[0]) : previousPeriod(periodOf("month", today));
}

/**
 * A plan whose year is over opens on the last month of its year with approved reports (its
 * final figures; the year's last month when none), not on a month past the plan where nothing
 * of it is reported: the demo's 2023 plan opens on 9/2023 in 2026.
 */
export function withinPlanYear(due: Period, planYear: number, approved: readonly string[]): Period {
  if (due.year <= planYear) return due;
  const last = [...approved]
    .sort()
    .reverse()
    .find((id) => id.startsWith(String(planYear)));
  return last ? tryMonth(last) : makePeriod("month", planYear, 12);
}

/** The selector's months: the opening month and those with approved reports, newest first. */
function periodChoices(due: Period, approved: readonly string[]): string[] {
  return [...new Set([formatPeriod(due), ...approved])].sort().reverse();
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
 * Everything the leaders' screen (IOC) shows for a plan, a unit and a month, in one answer:
 * indicator counts per pillar (the plan's), the unit's key figures with their trend and last
 * month, reporting completeness by the units below it and month, the index ranking and the
 * map's figures by the units below it. Readers of the plan only; the unit is the caller's own
 * scope unless asked (src/ioc/scope.ts), the month the latest one due unless asked.
 */
export async function iocSummary(
  conn: Conn,
  principal: Principal,
  query: SummaryQuery,
): Promise<Omit<Summary, "version">> {
  const plan = await chosenPlan(conn, query.plan);
  await assertPlanReader(conn, principal, plan);
  const today = clock.today();
  const scope = await iocScope(conn, principal, plan, query.unit, today);
  const figureRows = await figuresOf(conn, plan.id);
  const forms = await feedingForms(conn, await indicatorsOf(conn, plan.id), figureRows);
  const approved = await approvedMonths(conn);
  const due = withinPlanYear(await latestDueMonth(conn, forms, today), plan.year, approved);
  const period = query.period ? tryMonth(query.period) : due;
  const id = formatPeriod(period);
  const figures = await figuresWithTrend(conn, scope.reader, scope.unit.code, figureRows, period);
  const children = (await childUnits(conn, scope.unit.id, periodEnd(period))).filter((c) =>
    scope.shows(c.code),
  );
  const labels = new Map(figures.map((f) => [f.code, f]));
  return {
    period: { id, labelVi: labelVi(period), labelEn: labelEn(period) },
    periods: periodChoices(due, approved),
    plan: {
      code: plan.code,
      nameVi: plan.nameVi,
      nameEn: plan.nameEn,
      year: plan.year,
      scopeUnit: plan.scopeUnit.code,
    },
    unit: { code: scope.unit.code, nameVi: scope.unit.nameVi, nameEn: scope.unit.nameEn },
    reach: scope.reach,
    units: scope.choices.map((u) => ({ code: u.code, nameVi: u.nameVi, nameEn: u.nameEn })),
    status: await statusPart(conn, principal, plan, period),
    figures,
    completeness: await completenessGrid(
      conn,
      scope.reader,
      scope.unit.id,
      forms,
      monthsUpTo(period, GRID_MONTHS),
      children,
    ),
    ranking: await rankingPart(conn, principal, query.assessment),
    // The IOC reads analytics without asOf: every figure is in the own-period view.
    view: { kind: "own-period", asOf: null },
    map: await mapPart(conn, scope.reader, scope.unit.code, figureRows, children, labels, id),
  };
}
