import type { Actor } from "../../audit/audit.ts";
import type { Db } from "../../db/client.ts";
import { createIndicator } from "../../plans/indicators.ts";
import { declareStatus } from "../../plans/judgements.ts";
import { addProgress } from "../../plans/progress.ts";
import { addDocument, addFigure, addPillar, createPlan, type WriteContext } from "../../plans/service.ts";
import { dataIndicators, governmentIndicators } from "./indicators-data-government.ts";
import { economyIndicators, societyIndicators } from "./indicators-economy-society.ts";
import { demoDocuments, demoFigures, demoPillars, demoPlan, demoPlanCode } from "./plan.ts";
import type { DemoIndicator } from "./types.ts";

export { demoPlanCode } from "./plan.ts";

/** The 37 indicators in the report's order: data, government, economy, society. */
export const demoIndicators: DemoIndicator[] = [
  ...dataIndicators,
  ...governmentIndicators,
  ...economyIndicators,
  ...societyIndicators,
];

/**
 * Loads KH-CDS-2023 through the plan services, each write with its audit row, on the system's
 * authority: the plan, its pillars, documents and key figures, the indicators, their progress
 * updates (with evidence) and the declarations the source states. No override: the statuses of
 * 09/2023 are computed from the approved reports and the updates. Returns the indicator count.
 */
export async function loadDemoPlan(db: Db, actor: Actor): Promise<number> {
  const ctx: WriteContext = { actor, principal: null };
  await createPlan(db, ctx, demoPlan);
  for (const pillar of demoPillars) await addPillar(db, ctx, demoPlanCode, pillar);
  for (const document of demoDocuments) await addDocument(db, ctx, demoPlanCode, document);
  for (const [pillar, figures] of Object.entries(demoFigures)) {
    for (const figure of figures) await addFigure(db, ctx, demoPlanCode, pillar, figure);
  }
  for (const { progress, declaration, ...indicator } of demoIndicators) {
    await createIndicator(db, ctx, demoPlanCode, indicator);
    for (const update of progress ?? []) await addProgress(db, ctx, demoPlanCode, indicator.code, update);
    if (declaration) await declareStatus(db, ctx, demoPlanCode, indicator.code, declaration);
  }
  return demoIndicators.length;
}
