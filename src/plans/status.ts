import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { countByStatus, type FinalStatus, type RuleId, type StatusCounts } from "../domain/plan/index.ts";
import { assertPlanReader, mayJudgeStatus } from "./access.ts";
import { gatherEvidence, type IndicatorStatus, planStatusAt } from "./evaluate.ts";
import type { DeclarationView, OverrideView } from "./judgements.ts";
import { planMonth } from "./periods.ts";
import { planByCode } from "./store.ts";

/** One indicator in the status answer: value against target, the rule that decided, and why. */
export interface IndicatorStatusView {
  code: string;
  pillar: string;
  nameVi: string;
  nameEn: string | null;
  kind: string;
  direction: string;
  source: string;
  sample: boolean;
  baseline: number | null;
  target: number;
  unitTotal: number | null;
  unitOfMeasureVi: string | null;
  deadline: string;
  value: number | null;
  valuePeriod: string | null;
  status: FinalStatus;
  computedStatus: FinalStatus;
  ruleId: RuleId;
  explanationVi: string;
  explanationEn: string;
  progress: number | null;
  expectedProgress: number;
  forecast: number | null;
  requiredPace: number | null;
  /** Where the final status came from: the data, a declaration, or a person's override. */
  decidedBy: "computed" | "declared" | "override";
  overridden: boolean;
  reason: string | null;
  declaration: Omit<DeclarationView, "id" | "indicatorId"> | null;
  override: Omit<OverrideView, "id" | "indicatorId" | "period"> | null;
}

export interface PlanStatusView {
  plan: { code: string; nameVi: string; nameEn: string | null; year: number };
  period: { id: string; start: string; end: string };
  totals: StatusCounts;
  pillars: { code: string; nameVi: string; nameEn: string | null; counts: StatusCounts }[];
  indicators: IndicatorStatusView[];
  /** The caller may declare or override statuses of this plan (the page shows the buttons). */
  canJudge: boolean;
}

export function indicatorView(s: IndicatorStatus): IndicatorStatusView {
  const { indicator: i, resolved: r, declaration: d, override: o } = s;
  const c = r.computed;
  return {
    code: i.code,
    pillar: i.pillar,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    kind: i.kind,
    direction: i.direction,
    source: i.source,
    sample: i.sample,
    baseline: i.baseline,
    target: i.target,
    unitTotal: i.unitTotal,
    unitOfMeasureVi: i.unitOfMeasureVi,
    deadline: i.deadline,
    value: c.current,
    valuePeriod: c.currentPeriod,
    status: r.status,
    computedStatus: c.status,
    ruleId: c.ruleId,
    explanationVi: c.explanationVi,
    explanationEn: c.explanationEn,
    progress: c.progress,
    expectedProgress: c.expectedProgress,
    forecast: c.forecast,
    requiredPace: c.requiredPace,
    decidedBy: r.source,
    overridden: r.overridden,
    reason: r.reason ?? null,
    declaration: d
      ? {
          kind: d.kind,
          body: d.body,
          decision: d.decision,
          reason: d.reason,
          fromPeriod: d.fromPeriod,
          by: d.by,
          at: d.at,
        }
      : null,
    override: o ? { status: o.status, reason: o.reason, by: o.by, at: o.at } : null,
  };
}

/**
 * Trạng thái các chỉ tiêu at a month of the plan's year (400 at `period` otherwise): each
 * indicator computed from the data as approved now, with the declaration in force and the
 * month's override, and the counts per pillar and in total.
 */
export async function planStatus(
  conn: Conn,
  principal: Principal | null,
  planCode: string,
  periodId: string,
): Promise<PlanStatusView> {
  const plan = await planByCode(conn, planCode);
  await assertPlanReader(conn, principal, plan);
  const month = planMonth(periodId, plan.year, "period");
  const evidence = await gatherEvidence(conn, principal, plan, month.id);
  const status = planStatusAt(evidence, month.id);
  const countsOf = new Map(status.rollUp.pillars.map((p) => [p.pillar, p.counts]));
  return {
    plan: { code: plan.code, nameVi: plan.nameVi, nameEn: plan.nameEn, year: plan.year },
    period: { id: month.id, start: month.start, end: month.end },
    totals: status.rollUp.total,
    pillars: status.pillars.map((p) => ({
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      counts: countsOf.get(p.code) ?? countByStatus([]),
    })),
    indicators: status.indicators.map(indicatorView),
    canJudge: await mayJudgeStatus(conn, principal, plan),
  };
}
