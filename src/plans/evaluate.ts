import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import {
  computeStatus,
  type DeclaredStatus,
  type Observation,
  type ResolvedStatus,
  type RollUp,
  resolveStatus,
  rollUp,
  type StatusOverride,
} from "../domain/plan/index.ts";
import { planReader } from "./access.ts";
import { type DeclarationView, declarationsOf, type OverrideView, overridesOf } from "./judgements.ts";
import { observationsOf } from "./observations.ts";
import { monthEnd } from "./periods.ts";
import { type IndicatorRow, indicatorsOf, type PillarRow, type PlanRow, pillarsOf } from "./store.ts";
import { specOf } from "./validate.ts";

/** What each indicator's status rests on, gathered once for a plan up to a month. */
export interface PlanEvidence {
  pillars: PillarRow[];
  indicators: IndicatorRow[];
  observations: Map<number, Observation[]>;
  declarations: DeclarationView[];
  overrides: OverrideView[];
}

export async function gatherEvidence(
  conn: Conn,
  principal: Principal | null,
  plan: PlanRow,
  to: string,
  only?: IndicatorRow,
): Promise<PlanEvidence> {
  const pillars = await pillarsOf(conn, plan.id);
  const indicators = only ? [only] : await indicatorsOf(conn, plan.id);
  const ids = indicators.map((i) => i.id);
  return {
    pillars,
    indicators,
    observations: await observationsOf(conn, planReader(plan, principal), plan, indicators, to),
    declarations: await declarationsOf(conn, ids),
    overrides: await overridesOf(conn, ids),
  };
}

/** The declaration in force at the month: the latest from that month or before; `cleared` ends it. */
export function declarationAt(all: readonly DeclarationView[], indicatorId: number, month: string) {
  const latest = all.filter((d) => d.indicatorId === indicatorId && d.fromPeriod <= month).at(-1);
  return latest && latest.kind !== "cleared" ? latest : null;
}

/** The override for exactly this month; the latest one entered counts. */
export function overrideAt(all: readonly OverrideView[], indicatorId: number, month: string) {
  return all.filter((o) => o.indicatorId === indicatorId && o.period === month).at(-1) ?? null;
}

function declared(d: DeclarationView): DeclaredStatus {
  return d.kind === "dependent"
    ? { kind: "dependent", body: d.body ?? "", reason: d.reason }
    : { kind: "discontinued", decision: d.decision ?? "", reason: d.reason };
}

function overridden(o: OverrideView): StatusOverride {
  return { status: o.status, reason: o.reason, by: o.by, at: o.at };
}

/** One indicator judged at a month: the computed status, then declaration, then override. */
export interface IndicatorStatus {
  indicator: IndicatorRow;
  resolved: ResolvedStatus;
  declaration: DeclarationView | null;
  override: OverrideView | null;
}

export function statusAt(evidence: PlanEvidence, indicator: IndicatorRow, month: string): IndicatorStatus {
  const observations = evidence.observations.get(indicator.id) ?? [];
  const computed = computeStatus(specOf(indicator), observations, monthEnd(month));
  const declaration = declarationAt(evidence.declarations, indicator.id, month);
  const override = overrideAt(evidence.overrides, indicator.id, month);
  const resolved = resolveStatus(
    computed,
    declaration ? declared(declaration) : null,
    override ? overridden(override) : null,
  );
  return { indicator, resolved, declaration, override };
}

export interface PlanStatus {
  pillars: PillarRow[];
  indicators: IndicatorStatus[];
  rollUp: RollUp;
}

/** Every indicator's status at the month and the counts per pillar and in total. */
export function planStatusAt(evidence: PlanEvidence, month: string): PlanStatus {
  const indicators = evidence.indicators.map((i) => statusAt(evidence, i, month));
  const counts = rollUp(
    indicators.map((s) => ({ pillar: s.indicator.pillar, status: s.resolved.status })),
    evidence.pillars.map((p) => p.code),
  );
  return { pillars: evidence.pillars, indicators, rollUp: counts };
}
