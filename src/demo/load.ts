import { sql } from "drizzle-orm";
import type { Role } from "../access/principal.ts";
import { type Actor, systemActor } from "../audit/audit.ts";
import type { Conn, Db } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { createForm } from "../forms/service.ts";
import { createMetrics } from "../metrics/service.ts";
import { loadFormContext } from "../submissions/context.ts";
import { saveDraft } from "../submissions/service.ts";
import { approve, submit } from "../submissions/workflow.ts";
import { importUnits } from "../units/import.ts";
import { createUser } from "../users/service.ts";
import {
  type DemoDataset,
  type DemoReport,
  demoDataset,
  demoFormCode,
  demoPassword,
  demoUsers,
  reportTimeline,
} from "./dataset/index.ts";
import { loadDtiDemo } from "./dti/load.ts";
import { demoPlanCode, loadDemoPlan } from "./plan/load.ts";
import { readUnitsCsv } from "./seed-file.ts";

/** A demo account as `npm start` prints it. */
export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  /** The unit code of the grant, e.g. "866". */
  unit: string;
  unitName: string;
}

/** Called with short bilingual progress lines, e.g. "báo cáo / reports 348/348". */
export type DemoProgress = (message: string) => void;

/** True when the database has no unit yet: the demo is loaded only then. */
export async function isDatabaseEmpty(conn: Conn): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(conn, sql`select count(*)::int as n from units`);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the Đồng Tháp 2023 demo (docs/demo.md) into an empty database, through the services
 * like any user's change, each with its audit row: units, metrics, the monthly form, the demo
 * users, then the 08/2023 and 09/2023 reports, each drafted, submitted on time and approved
 * on the system's authority, the plan KH-CDS-2023 (src/demo/plan/), and last the 2022 index
 * assessment DTI-2022 (src/demo/dti/). Stops at the first error; call it on an empty database
 * only.
 */
export async function loadDemo(
  db: Db,
  actor: Actor = systemActor("demo"),
  onProgress: DemoProgress = () => {},
): Promise<{ logins: DemoLogin[] }> {
  const dataset = demoDataset(readUnitsCsv());
  await importDemoUnits(db, actor, dataset);
  onProgress(`đơn vị / units ${dataset.units.length}/${dataset.units.length}`);
  await createMetrics(db, actor, dataset.metrics);
  onProgress(`chỉ số / metrics ${dataset.metrics.length}/${dataset.metrics.length}`);
  await createForm(db, actor, dataset.form);
  onProgress(`biểu mẫu / form ${demoFormCode}`);
  const logins = await createLogins(db, actor, dataset);
  onProgress(`người dùng / users ${logins.length}/${logins.length}`);
  await loadReports(db, actor, dataset.reports, onProgress);
  const indicators = await loadDemoPlan(db, actor);
  onProgress(`kế hoạch / plan ${demoPlanCode}: ${indicators} chỉ tiêu / indicators`);
  const dti = await loadDtiDemo(db, actor, onProgress);
  return { logins: [...logins, ...dti.logins] };
}

/** The demo's unit list loads through the unit list import (src/units/import.ts), as an operator's file would. */
async function importDemoUnits(db: Db, actor: Actor, dataset: DemoDataset): Promise<void> {
  const rows = dataset.units.map((u, i) => ({
    row: i + 2,
    fields: {
      code: u.code,
      nameVi: u.nameVi,
      ...(u.nameEn ? { nameEn: u.nameEn } : {}),
      kind: u.kind,
      type: u.type,
      ...(u.groupCode ? { groupCode: u.groupCode } : {}),
      ...(u.parentCode ? { parentCode: u.parentCode } : {}),
      validFrom: u.validFrom,
    },
  }));
  const summary = await importUnits(db, actor, null, rows, { dryRun: false });
  if (summary.status === "ERROR") {
    const details = summary.rows.flatMap((r) => r.issues);
    throw new AppError("IMPORT_REJECTED", { count: summary.counts.rejected }, details);
  }
}

async function createLogins(db: Db, actor: Actor, dataset: DemoDataset): Promise<DemoLogin[]> {
  const nameOf = new Map(dataset.units.map((u) => [u.code, u.nameVi]));
  const logins: DemoLogin[] = [];
  for (const user of demoUsers) {
    await createUser(db, actor, null, {
      username: user.username,
      displayName: user.displayName,
      password: demoPassword,
      grants: [{ role: user.role, unitCode: user.unitCode }],
    });
    const unitName = nameOf.get(user.unitCode) ?? user.unitCode;
    logins.push({
      username: user.username,
      password: demoPassword,
      role: user.role,
      unit: user.unitCode,
      unitName,
    });
  }
  return logins;
}

/** Progress is reported every this many reports, so a log gets a dozen lines, not hundreds. */
const progressEvery = 25;

async function loadReports(
  db: Db,
  actor: Actor,
  reports: DemoReport[],
  onProgress: DemoProgress,
): Promise<void> {
  const context = await loadFormContext(db, demoFormCode);
  for (const [i, report] of reports.entries()) {
    const when = reportTimeline(report.period, i);
    const draft = await saveDraft(
      db,
      actor,
      null,
      {
        form: demoFormCode,
        unit: report.unitCode,
        period: report.period,
        values: Object.entries(report.values).map(([metric, value]) => ({ metric, value })),
        narrative: report.narrative,
      },
      { now: when.drafted, context },
    );
    const submitted = await submit(db, actor, null, draft.id, draft.version, {
      now: when.submitted,
      context,
    });
    await approve(db, actor, null, submitted.id, submitted.version, { now: when.approved, context });
    const done = i + 1;
    if (done % progressEvery === 0 || done === reports.length) {
      onProgress(`báo cáo / reports ${done}/${reports.length}`);
    }
  }
}
