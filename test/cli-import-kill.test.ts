import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.ts";
import { loadDemoMetadata } from "./demo-metadata.ts";
import { type TestLocation, testLocation } from "./harness.ts";

let location: TestLocation;
let payloadFile: string;
let valueCount: number;

beforeAll(async () => {
  location = await testLocation();
  const database = await location.open();
  const dataset = await loadDemoMetadata(database.db);
  await database.close();
  // Three months of the demo's September figures again: ~500 reports, long enough to kill mid-way.
  const dataValues = ["202310", "202311", "202312"].flatMap((period) =>
    dataset.reports
      .filter((r) => r.period === "202309")
      .flatMap((r) =>
        Object.entries(r.values).map(([dataElement, value]) => ({
          dataElement,
          period,
          orgUnit: r.unitCode,
          value: String(value),
        })),
      ),
  );
  valueCount = dataValues.length;
  payloadFile = join(mkdtempSync(join(tmpdir(), "chiso-import-")), "values.json");
  writeFileSync(payloadFile, JSON.stringify({ dataSet: "CDS_MONTHLY", dataValues }));
});
afterAll(() => location.dispose());

/** Small batches: many commits-to-be in one transaction, so the kill lands in the middle. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...location.env, CHISO_IMPORT_BATCH: "100" };
  if (!location.env.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

async function counts() {
  const database = await location.open();
  try {
    const [row] = await queryRows<{ submissions: number; values: number; audit: number }>(
      database.db,
      sql`select (select count(*)::int from submissions) as submissions,
                 (select count(*)::int from data_values) as values,
                 (select count(*)::int from audit_log where object_type = 'submission') as audit`,
    );
    return row;
  } finally {
    await database.close();
  }
}

describe("chiso import killed half-way", () => {
  it("leaves the database as it was before the import, then a full run imports everything", async () => {
    const child = spawn(process.execPath, ["bin/chiso.js", "import", payloadFile], { env: childEnv() });
    let progressSeen = "";
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    child.stderr.on("data", (chunk: Buffer) => {
      const line = chunk.toString();
      // "Nhập / Import: 1.234 giá trị / values 35% [#######.............] 5.678 giá trị/s / values/s"
      const match = /Import: ([\d.]+) giá trị \/ values .* giá trị\/s/.exec(line);
      if (match && !progressSeen) {
        progressSeen = match[1] ?? "";
        child.kill("SIGKILL");
      }
    });
    expect(await exited).toBe("SIGKILL");
    const done = Number(progressSeen.replaceAll(".", ""));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(valueCount);
    expect(await counts()).toEqual({ submissions: 0, values: 0, audit: 0 });

    const rerun = spawn(process.execPath, ["bin/chiso.js", "import", payloadFile], { env: childEnv() });
    const code = await new Promise<number | null>((resolve) => rerun.on("exit", (c) => resolve(c)));
    expect(code).toBe(0);
    const after = await counts();
    expect(after?.values).toBe(valueCount);
    // Two CLI processes, each opening and migrating the database: slow on a loaded machine.
  }, 300_000);
});
