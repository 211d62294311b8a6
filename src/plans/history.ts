import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import {
  expectedLine,
  type FinalStatus,
  forecastLine,
  type LinePoint,
  paceLine,
  type RuleId,
} from "../domain/plan/index.ts";
import { assertPlanReader } from "./access.ts";
import { gatherEvidence, statusAt } from "./evaluate.ts";
import { monthEnd, monthsBetween, planMonth } from "./periods.ts";
import { indicatorByCode, planByCode } from "./store.ts";
import { specOf } from "./validate.ts";

export interface HistoryPoint {
  period: string;
  date: string;
  /** The value observed for this month (null when not reported). */
  value: number | null;
  /** The latest value at or before the month's end, as the rules read it. */
  current: number | null;
  status: FinalStatus;
  computedStatus: FinalStatus;
  ruleId: RuleId;
  decidedBy: "computed" | "declared" | "override";
  overridden: boolean;
  reason: string | null;
}

export interface IndicatorHistory {
  plan: string;
  indicator: {
    code: string;
    nameVi: string;
    nameEn: string | null;
    kind: string;
    direction: string;
    target: number;
    baseline: number | null;
    baselineDate: string;
    deadline: string;
    unitOfMeasureVi: string | null;
  };
  to: string;
  points: HistoryPoint[];
  /** Chart lines on each month end of the plan's year (and the deadline): expected, forecast, pace. */
  lines: { expected: LinePoint[]; forecast: LinePoint[]; pace: LinePoint[] };
}

/**
 * Lịch sử trạng thái: for each month of the plan's year up to `to`, the status computed from the
 * data as approved now, with that month's declaration and override; and the lines for a chart
 * (expected progress, the trend's forecast and the pace needed, as of `to`).
 */
export async function indicatorHistory(
  conn: Conn,
  principal: Principal | null,
  planCode: string,
  indicatorCode: string,
  to: string,
): Promise<IndicatorHistory> {
  const plan = await planByCode(conn, planCode);
  await assertPlanReader(conn, principal, plan);
  const indicator = await indicatorByCode(conn, plan, indicatorCode);
  const month = planMonth(to, plan.year, "to");
  const evidence = await gatherEvidence(conn, principal, plan, month.id, indicator);
  const observations = evidence.observations.get(indicator.id) ?? [];
  const observed = new Map(observations.map((o) => [o.period, o.value]));
  const points = monthsBetween(`${plan.year}01`, month.id).map((m): HistoryPoint => {
    const s = statusAt(evidence, indicator, m);
    return {
      period: m,
      date: monthEnd(m),
      value: observed.get(m) ?? null,
      current: s.resolved.computed.current,
      status: s.resolved.status,
      computedStatus: s.resolved.computed.status,
      ruleId: s.resolved.computed.ruleId,
      decidedBy: s.resolved.source,
      overridden: s.resolved.overridden,
      reason: s.resolved.reason ?? null,
    };
  });
  const spec = specOf(indicator);
  const dates = [
    ...new Set([...monthsBetween(`${plan.year}01`, `${plan.year}12`).map(monthEnd), indicator.deadline]),
  ].sort();
  return {
    plan: plan.code,
    indicator: {
      code: indicator.code,
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
      kind: indicator.kind,
      direction: indicator.direction,
      target: indicator.target,
      baseline: indicator.baseline,
      baselineDate: indicator.baselineDate,
      deadline: indicator.deadline,
      unitOfMeasureVi: indicator.unitOfMeasureVi,
    },
    to: month.id,
    points,
    lines: {
      expected: expectedLine(spec, dates),
      forecast: forecastLine(spec, observations, dates, { asOf: month.end }),
      pace: paceLine(spec, observations, month.end, dates),
    },
  };
}
