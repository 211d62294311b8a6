import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, testActor, testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { changeFormVersion } from "../forms/versions.ts";
import { initialise } from "../setup/service.ts";
import { saveDraft } from "../submissions/service.ts";
import { importSetup } from "./import.ts";
import type { SetupBundle } from "./schema.ts";
import { exportSetup } from "./store.ts";

let source: Database;
let target: Database;
let bundle: SetupBundle;

/** An empty install after its first run: the province and its admin, nothing else. */
async function emptyInstall(): Promise<Database> {
  const database = await testDatabase();
  await initialise(database.db, testActor, {
    province: { code: "82", nameVi: "Tỉnh Đồng Tháp", validFrom: "2025-07-01" },
    admin: { username: "qt.tinh", displayName: "Quản trị tỉnh", password: "mat-khau-dai-du" },
  });
  return database;
}

const count = async (database: Database, table: "metrics" | "forms" | "audit_log") =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]?.n;

beforeAll(async () => {
  source = await testDatabase();
  await seedTinyTree(source);
  await seedReporting(source.db);
  // A second version from July 2024: the online rate only for communes, a new rule.
  await changeFormVersion(source.db, testActor, "CDS_XA", {
    validFrom: "2024-07",
    metrics: [
      { code: "RECEIVED", required: true },
      { code: "ANSWERED", required: true },
      { code: "ONLINE_RATE", groups: ["commune"] },
    ],
    rules: [
      {
        code: "RECEIVED_POSITIVE",
        expression: "#{RECEIVED} >= 0",
        severity: "error",
        messageVi: "Số hồ sơ không âm",
        messageEn: "Received is not negative",
      },
    ],
  });
  bundle = await exportSetup(source.db, ["CDS_XA"]);
  target = await emptyInstall();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe("setup export", () => {
  it("carries the form's versions with their groups and rules, and the metrics they use, no units", () => {
    expect(bundle.format).toBe("chiso-setup");
    expect(bundle.metrics.map((m) => m.code)).toEqual([
      "ANSWERED",
      "HAS_PORTAL",
      "NOTE",
      "ONLINE_RATE",
      "RECEIVED",
    ]);
    const [form] = bundle.forms;
    expect(form?.versions.map((v) => v.validFrom)).toEqual([null, "202407"]);
    expect(form?.versions[1]).toEqual({
      validFrom: "202407",
      metrics: [
        { code: "RECEIVED", required: true, groups: null },
        { code: "ANSWERED", required: true, groups: null },
        { code: "ONLINE_RATE", required: false, groups: ["commune"] },
      ],
      rules: [expect.objectContaining({ code: "RECEIVED_POSITIVE", expression: "#{RECEIVED} >= 0" })],
    });
    expect(form).not.toHaveProperty("unitCodes");
  });
});

describe("setup import", () => {
  it("previews row by row in a dry run and writes nothing, not even an audit row", async () => {
    const audits = await count(target, "audit_log");
    const summary = await importSetup(target.db, testActor, bundle, { dryRun: true });
    expect(summary).toMatchObject({
      status: "OK",
      dryRun: true,
      counts: { create: 11, update: 0, unchanged: 0, rejected: 0 },
    });
    expect(summary.rows.slice(5).map((r) => [r.kind, r.code, r.path, r.action])).toEqual([
      ["form", "CDS_XA", "forms.0", "create"],
      ["version", "CDS_XA@-", "forms.0.versions.0", "create"],
      ["rule", "CDS_XA@-/ANSWERED_LE_RECEIVED", "forms.0.versions.0.rules.0", "create"],
      ["rule", "CDS_XA@-/ONLINE_RATE_PLAUSIBLE", "forms.0.versions.0.rules.1", "create"],
      ["version", "CDS_XA@202407", "forms.0.versions.1", "create"],
      ["rule", "CDS_XA@202407/RECEIVED_POSITIVE", "forms.0.versions.1.rules.0", "create"],
    ]);
    expect([await count(target, "metrics"), await count(target, "forms")]).toEqual([0, 0]);
    expect(await count(target, "audit_log")).toBe(audits);
  });

  it("refuses a bundle with one bad rule whole, naming the row and the field", async () => {
    const bad = structuredClone(bundle);
    const rule = bad.forms[0]?.versions[1]?.rules[0];
    if (rule) rule.expression = "#{RECEIVED} >= #{UNKNOWN}";
    const audits = await count(target, "audit_log");
    const summary = await importSetup(target.db, testActor, bad, { dryRun: false });
    expect(summary.status).toBe("ERROR");
    expect(summary.counts).toEqual({ create: 10, update: 0, unchanged: 0, rejected: 1 });
    expect(summary.rows.filter((r) => r.action === "rejected")).toEqual([
      {
        row: 11,
        kind: "rule",
        code: "CDS_XA@202407/RECEIVED_POSITIVE",
        path: "forms.0.versions.1.rules.0",
        action: "rejected",
        issues: [
          {
            path: "forms.0.versions.1.rules.0.expression",
            message: "Biểu mẫu không có chỉ số UNKNOWN",
            message_en: "The form has no metric UNKNOWN",
          },
        ],
      },
    ]);
    expect([await count(target, "metrics"), await count(target, "forms")]).toEqual([0, 0]);
    expect(await count(target, "audit_log")).toBe(audits);
  });

  it("creates the form, its metrics, versions, groups and rules as they were, audited", async () => {
    const audits = await count(target, "audit_log");
    const summary = await importSetup(target.db, testActor, bundle, { dryRun: false });
    expect(summary.status).toBe("OK");
    expect(summary.counts).toEqual({ create: 11, update: 0, unchanged: 0, rejected: 0 });
    expect(await exportSetup(target.db, [])).toEqual(bundle);
    const written = await queryRows<{ objectType: string; action: string; n: number }>(
      target.db,
      sql`select object_type as "objectType", action, count(*)::int as n from audit_log
          group by object_type, action order by object_type, action`,
    );
    expect(written.filter((w) => w.objectType !== "unit" && w.objectType !== "user")).toEqual([
      { objectType: "form", action: "change_version", n: 1 },
      { objectType: "form", action: "create", n: 1 },
      { objectType: "metric", action: "create", n: 5 },
    ]);
    expect(await count(target, "audit_log")).toBe((audits ?? 0) + 7);
  });

  it("changes nothing the second time: every row unchanged, no audit row", async () => {
    const audits = await count(target, "audit_log");
    const summary = await importSetup(target.db, testActor, bundle, { dryRun: false });
    expect(summary.counts).toEqual({ create: 0, update: 0, unchanged: 11, rejected: 0 });
    expect(await count(target, "audit_log")).toBe(audits);
  });

  it("updates a changed metric and adds a later version through the API's writes", async () => {
    const next = structuredClone(bundle);
    const metric = next.metrics.find((m) => m.code === "NOTE");
    if (metric) metric.nameEn = "Note";
    const form = next.forms[0];
    form?.versions.push({ validFrom: "2025-01", metrics: [{ code: "RECEIVED", required: true }], rules: [] });
    const summary = await importSetup(target.db, testActor, next, { dryRun: false });
    expect(summary.rows.filter((r) => r.action !== "unchanged").map((r) => [r.code, r.action])).toEqual([
      ["NOTE", "update"],
      ["CDS_XA", "update"],
      ["CDS_XA@202501", "create"],
    ]);
    const stored = await exportSetup(target.db, ["CDS_XA"]);
    expect(stored.forms[0]?.versions.map((v) => v.validFrom)).toEqual([null, "202407", "202501"]);
    expect(stored.metrics.find((m) => m.code === "NOTE")?.nameEn).toBe("Note");
  });

  it("refuses what the API refuses: a metric's value type once reports hold its values", async () => {
    await saveDraft(
      source.db,
      testActor,
      null,
      { form: "CDS_XA", unit: "C11", period: "202309", values: [{ metric: "RECEIVED", value: 10 }] },
      { now: new Date("2023-10-02T03:00:00Z") },
    );
    const retyped = structuredClone(bundle);
    const received = retyped.metrics.find((m) => m.code === "RECEIVED");
    if (received) received.valueType = "number";
    const summary = await importSetup(source.db, testActor, retyped, { dryRun: true });
    expect(summary.rows.filter((r) => r.action !== "unchanged")).toEqual([
      expect.objectContaining({
        code: "RECEIVED",
        action: "rejected",
        issues: [
          expect.objectContaining({
            path: "metrics.4.valueType",
            message_en: "The value type cannot change once values are stored",
          }),
        ],
      }),
    ]);
  });

  it("refuses to change a stored form's settings, and a file that is not a bundle", async () => {
    const renamed = structuredClone(bundle);
    if (renamed.forms[0]) renamed.forms[0].periodType = "quarter";
    const summary = await importSetup(target.db, testActor, renamed, { dryRun: true });
    expect(summary.rows.find((r) => r.action === "rejected")?.issues).toEqual([
      {
        path: "forms.0.periodType",
        message:
          "Biểu mẫu CDS_XA đã có với periodType khác; việc nhập không sửa thiết lập của biểu mẫu đã có",
        message_en:
          "Form CDS_XA is stored with another periodType; an import does not change a stored form's settings",
      },
    ]);
    await expect(
      importSetup(target.db, testActor, { format: "chiso-setup", version: 2 }, { dryRun: true }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [
        expect.objectContaining({
          path: "version",
          message_en: "Only setup files of version 1 are accepted",
        }),
      ],
    });
  });
});
