/**
 * The real 2025 reform of old Đồng Tháp (src/demo/data/units-dong-thap-2025.csv, a copy of
 * shared/seed) applied to the 2023 tree through the public path: its 45 new communes under the new
 * province 82, the 12 districts abolished, the 143 communes closed (three of them split). The new
 * communes keep their real codes, each reused from one of their predecessors: a code is unique per
 * day, and names a unit together with a date (docs/analytics.md, "Reorganisations").
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testActor, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { readUnitsCsv } from "../demo/seed-file.ts";
import { AppError } from "../errors/app-error.ts";
import { unitHistory } from "./history.ts";
import { applyReform } from "./reform.ts";
import { readReformFile } from "./reform-file.ts";
import { createUnits, listUnits, unitByCode } from "./service.ts";

let t: TestApp;
type Csv = Record<string, string>;
const csv = (text: string): Csv[] => parse(text, { columns: true });
const DATE = "2025-07-01";

beforeAll(async () => {
  t = await testApp();
  await createUnits(
    t.database.db,
    testActor,
    csv(readUnitsCsv()).map((u) => ({
      code: u.code ?? "",
      nameVi: u.name ?? "",
      kind: u.type === "sở/ngành" ? "agency" : "territorial",
      type: u.type ?? "",
      parentCode: u.parent_code || null,
      validFrom: "2023-01-01",
    })),
  );
});
afterAll(() => t.close());

const seed2025 = csv(readFileSync(new URL("../demo/data/units-dong-thap-2025.csv", import.meta.url), "utf8"));
const oldDongThap = seed2025.filter((r) => r.old_province === "87");

/** A predecessor is a part when its name (at the same place in `predecessors`) is marked so. */
function predecessorsOf(r: Csv): string {
  const names = (r.predecessors ?? "").split(" + ");
  return (r.predecessor_codes ?? "")
    .split(" + ")
    .map((code, i) => (names[i]?.includes("[một phần]") ? `${code} [một phần]` : code))
    .join("; ");
}

const districts = () => csv(readUnitsCsv()).filter((u) => u.level === "2" && u.type !== "sở/ngành");

function reformFile(): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return [
    "hành động,mã,tên,cấp đơn vị,mã cấp trên,tiền thân,ngày hiệu lực",
    `mở,82,Tỉnh Đồng Tháp,tỉnh,,87,${DATE}`,
    ...oldDongThap.map(
      (r) =>
        `mở,${r.code},${quote(r.name ?? "")},${r.kind === "phuong" ? "phường" : "xã"},82,${quote(predecessorsOf(r))},${DATE}`,
    ),
    ...districts().map((d) => `bãi bỏ,${d.code},,,,,${DATE}`),
  ].join("\n");
}

describe("the 2025 reform of old Đồng Tháp as a reform file", () => {
  it("applies in one transaction: 45 communes and 19 departments under province 82, nothing below", async () => {
    const rows = await readReformFile(Buffer.from(reformFile()), "csv");
    const started = performance.now();
    const summary = await applyReform(t.database.db, testActor, null, rows, { dryRun: false });
    const ms = performance.now() - started;
    process.stdout.write(`reform of old Đồng Tháp: ${rows.length} rows applied in ${Math.round(ms)} ms\n`);
    expect(summary.problems).toEqual([]);
    expect(summary.counts).toEqual({ open: 46, close: 1 + 12 + 143, move: 19, unchanged: 0, problems: 0 });
    expect(oldDongThap).toHaveLength(45);

    const after = await listUnits(t.database.db, { asOf: DATE });
    expect(after.filter((u) => u.level === 1).map((u) => u.code)).toEqual(["82"]);
    expect(after.filter((u) => u.level === 2)).toHaveLength(45 + 19);
    expect(after.every((u) => u.level <= 2 && (u.level === 1 || u.parentCode === "82"))).toBe(true);
    expect(await listUnits(t.database.db, { asOf: "2025-06-30" })).toHaveLength(175);

    const splits = await queryRows<{ code: string; successors: string }>(
      t.database.db,
      sql`select a.code, string_agg(b.code, ' ' order by b.code) as successors
          from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id
          where s.kind = 'split' group by a.code order by a.code`,
    );
    expect(splits).toEqual([
      { code: "29995", successors: "29992 30154" }, // Phú Thuận B → Long Phú Thuận, Tân Long
      { code: "30079", successors: "30025 30088" }, // Gáo Giồng → Phú Cường, Phong Mỹ
      { code: "30157", successors: "30130 30157" }, // Tân Thạnh → Thanh Bình, Tân Thạnh
    ]);
  });

  it("resolves a reused code by date, and refuses to guess without one", async () => {
    const db = t.database.db;
    const before = await unitByCode(db, "30157", "2025-06-30");
    const after = await unitByCode(db, "30157", DATE);
    expect([before.validFrom, before.validTo, after.validFrom, after.validTo]).toEqual([
      "2023-01-01",
      DATE,
      DATE,
      null,
    ]);
    expect(before.id).not.toBe(after.id);
    const guess = await unitByCode(db, "30157").catch((e: AppError) => e);
    expect(guess).toBeInstanceOf(AppError);
    expect((guess as AppError).status).toBe(400);
    expect((guess as AppError).details).toMatchObject([{ path: "code", code: "AMBIGUOUS_UNIT_CODE" }]);
    // The new Tân Thạnh succeeds (in part) the old unit of the same code.
    const history = await unitHistory(db, "30157", DATE);
    expect(history.successions.map((s) => [s.predecessorCode, s.successorCode, s.kind]).sort()).toEqual([
      ["30142", "30157", "merge"],
      ["30157", "30157", "split"],
    ]);
  });

  it("finds everything unchanged the second time", async () => {
    const rows = await readReformFile(Buffer.from(reformFile()), "csv");
    const summary = await applyReform(t.database.db, testActor, null, rows, { dryRun: false });
    expect(summary.counts).toEqual({ open: 0, close: 0, move: 0, unchanged: 46 + 156 + 19, problems: 0 });
  });
});
