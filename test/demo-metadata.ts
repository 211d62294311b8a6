import { systemActor } from "../src/audit/audit.ts";
import type { Db } from "../src/db/client.ts";
import { demoDataset } from "../src/demo/dataset/index.ts";
import { readUnitsCsv } from "../src/demo/seed-file.ts";
import { createForm } from "../src/forms/service.ts";
import { createMetrics } from "../src/metrics/service.ts";
import { createUnits } from "../src/units/service.ts";

/** The demo's units, metrics and form without any report: an empty province ready to import into. */
export async function loadDemoMetadata(db: Db) {
  const dataset = demoDataset(readUnitsCsv());
  const actor = systemActor("test");
  await createUnits(db, actor, dataset.units);
  await createMetrics(db, actor, dataset.metrics);
  await createForm(db, actor, dataset.form);
  return dataset;
}
