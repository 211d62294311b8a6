/**
 * Test fixtures for the read-only analytics module, written through the real write path:
 * metrics and one monthly form via their services, reports via saveDraft → submit → approve,
 * as the system (null principal). Only tests import this file.
 */
import { testActor } from "../../test/harness.ts";
import type { Db } from "../db/client.ts";
import { createForm } from "../forms/service.ts";
import type { MetricInput } from "../metrics/schema.ts";
import { createMetrics } from "../metrics/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, submit } from "../submissions/workflow.ts";

export const FORM = "F_ANALYTICS";

export type FixtureMetric = Pick<MetricInput, "code" | "aggregation" | "formula" | "weightMetricCode"> & {
  valueType?: MetricInput["valueType"];
};

/** Creates the metrics and one monthly form carrying every stored (non-formula) one, for these units. */
export async function setupReporting(db: Db, metrics: FixtureMetric[], unitCodes: string[]): Promise<void> {
  await createMetrics(
    db,
    testActor,
    metrics.map((m) => ({
      ...m,
      valueType: m.valueType ?? "number",
      nameVi: `Chỉ số ${m.code}`,
      nameEn: `Metric ${m.code}`,
    })),
  );
  await createForm(db, testActor, {
    code: FORM,
    nameVi: "Biểu thử tổng hợp",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 5 },
    metrics: metrics.filter((m) => m.aggregation !== "formula").map((m) => ({ code: m.code })),
    unitCodes,
  });
}

export interface FixtureReport {
  unit: string;
  period: string;
  values: Record<string, number>;
  /** Where the report stops in its workflow; approved unless told. */
  status?: "draft" | "submitted" | "approved";
}

/** Saves one report and walks it to its status. */
export async function report(db: Db, r: FixtureReport): Promise<void> {
  const values = Object.entries(r.values).map(([metric, value]) => ({ metric, value }));
  const draft = await saveDraft(db, testActor, null, { form: FORM, unit: r.unit, period: r.period, values });
  if (r.status === "draft") return;
  const submitted = await submit(db, testActor, null, draft.id, draft.version);
  if (r.status === "submitted") return;
  await approve(db, testActor, null, submitted.id, submitted.version);
}
