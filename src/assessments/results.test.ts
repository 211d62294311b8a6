import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Headers,
  http,
  seedTinyTree,
  signIn,
  type TestApp,
  testActor,
  testApp,
} from "../../test/harness.ts";
import { SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { renderRanking } from "./cli.ts";
import { createFramework } from "./frameworks.ts";
import { ranking } from "./reading.ts";
import { openWorkbook, runCycle, type ScriptedUnit, valuesFor } from "./test-fixtures.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let viewer: Headers;

const units = (levels: Record<string, number>): ScriptedUnit[] =>
  Object.entries(levels).map(([unit, level]) => {
    const group = unit.startsWith("S") ? "SO_DVC" : "HUYEN";
    return { unit, group, values: valuesFor(group, level) };
  });

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "C21" }]);
  const db = t.database.db;
  await createFramework(db, testActor, null, { ...SAMPLE_FRAMEWORK, code: "MAU-DTI-2022", year: 2022 });
  await createFramework(db, testActor, null, SAMPLE_FRAMEWORK);
  await runCycle(db, "PREV", "MAU-DTI-2022", units({ D1: 0.5, D2: 0.9, S1: 0.7 }));
  // The same units and values, listed and saved in different orders and batches.
  await runCycle(db, "ORD-A", SAMPLE_FRAMEWORK.code, units({ D1: 0.9, D2: 0.9, S1: 0.6 }));
  const reversed = units({ S1: 0.6, D2: 0.9, D1: 0.9 }).map((u) => ({
    ...u,
    values: [...u.values].reverse(),
  }));
  await runCycle(db, "ORD-B", SAMPLE_FRAMEWORK.code, reversed, 7);
});
afterAll(() => t.close());

describe("scores and ranks of an assessment", () => {
  it("gives the same ranking whatever the order in which units and values came in", async () => {
    const a = await ranking(t.database.db, null, "ORD-A");
    const b = await ranking(t.database.db, null, "ORD-B");
    expect(b.groups).toEqual(a.groups);
    expect((await ranking(t.database.db, null, "ORD-A")).groups).toEqual(a.groups);
  });

  it("ranks within each group, equal points sharing a rank", async () => {
    const view = await ranking(t.database.db, null, "ORD-A");
    expect(view.groups.map((g) => [g.code, g.rows.map((r) => `${r.rank} ${r.unit}`)])).toEqual([
      ["SO_DVC", ["1 S1"]],
      ["HUYEN", ["1 D1", "1 D2"]],
    ]);
    const d1 = view.groups[1]?.rows[0];
    expect(d1?.index).toBe(Math.round(((d1?.total ?? 0) / 900) * 10000) / 10000);
    expect(d1?.pillars.map((p) => p.code)).toEqual(["NTS", "TCS", "HTS", "NLS", "ATTT", "CQS", "KTS", "XHS"]);
    expect((await ranking(t.database.db, null, "ORD-A", "HUYEN")).groups.map((g) => g.code)).toEqual([
      "HUYEN",
    ]);
  });

  it("compares with last year's published assessment of the same lineage", async () => {
    const view = await ranking(t.database.db, null, "ORD-A");
    expect(view.assessment.previous).toBe("PREV");
    const before = await ranking(t.database.db, null, "PREV");
    const total = (v: typeof view, unit: string) =>
      v.groups.flatMap((g) => g.rows).find((r) => r.unit === unit);
    const d1 = total(view, "D1");
    expect(d1?.change).toMatchObject({
      previousRank: 2,
      rankChange: 1,
      previousTotal: total(before, "D1")?.total,
      totalChange: Math.round(((d1?.total ?? 0) - (total(before, "D1")?.total ?? 0)) * 100) / 100,
    });
    expect(total(view, "D2")?.change).toMatchObject({ previousRank: 1, rankChange: 0 });
    expect(before.assessment.previous).toBeNull();
  });

  it("shows the published ranking to any signed-in user, in JSON, Markdown, Excel and Word", async () => {
    const json = await api.get("/api/assessments/ORD-A/ranking", viewer);
    expect(json.statusCode).toBe(200);
    const md = await api.get("/api/assessments/ORD-A/ranking.md", viewer);
    expect(md.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(md.headers["content-disposition"]).toBe(
      "attachment; filename=\"xep-hang-ORD-A.md\"; filename*=UTF-8''xep-hang-ORD-A.md",
    );
    expect(md.body).toContain("## Sở, ngành có cung cấp dịch vụ công (tối đa 1.000 điểm)");
    expect(md.body).toContain("## UBND huyện, thành phố (tối đa 900 điểm)");
    expect(md.body).toContain("*Kèm theo Quyết định số 1/QĐ-UBND ngày 30/09/2024; công bố ngày 10/10/2024*");
    const xlsx = await api.get("/api/assessments/ORD-A/ranking.xlsx", viewer);
    expect(xlsx.headers["content-disposition"]).toBe(
      "attachment; filename=\"xep-hang-ORD-A.xlsx\"; filename*=UTF-8''xep-hang-ORD-A.xlsx",
    );
    const docx = await api.get("/api/assessments/ORD-A/ranking.docx", viewer);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("writes an Excel file that opens, one sheet per group, points as numbers", async () => {
    const book = await openWorkbook((await renderRanking(t.database.db, "ORD-A", "xlsx")) as Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["SO_DVC", "HUYEN"]);
    const sheet = book.getWorksheet("HUYEN");
    // Printed landscape, one page wide, the title block on the first page and the header row on each.
    expect(sheet?.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "5:5",
    });
    const header = sheet?.getRow(5).values as unknown[];
    expect(header.slice(1, 7)).toEqual([
      "Hạng",
      "Đơn vị",
      "Tổng điểm",
      "Chỉ số (0–1)",
      "Tự đánh giá",
      "Chênh lệch",
    ]);
    const first = sheet?.getRow(6);
    const view = await ranking(t.database.db, null, "ORD-A", "HUYEN");
    expect([first?.getCell(1).value, first?.getCell(2).value, first?.getCell(3).value]).toEqual([
      1,
      "Huyện Một",
      view.groups[0]?.rows[0]?.total,
    ]);
    expect(first?.getCell(3).numFmt).toBe("0.00");
  });

  it("writes a valid Word annex naming the decision and every unit", async () => {
    const zip = await JSZip.loadAsync((await renderRanking(t.database.db, "ORD-A", "docx")) as Buffer);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Phụ lục");
    expect(xml).toContain("Kèm theo Quyết định số 1/QĐ-UBND ngày 30/09/2024");
    for (const name of ["Sở Một", "Huyện Một", "Huyện Hai"]) expect(xml).toContain(name);
    expect(xml).toContain('w:orient="landscape"');
  });

  it("gives each unit's scorecard as Markdown and Excel", async () => {
    const md = await api.get("/api/assessments/ORD-A/units/D1/scorecard.md", viewer);
    expect(md.body).toContain("# Huyện Một — ");
    expect(md.body).toContain(
      "| 1.1 | Người đứng đầu là Trưởng Ban chỉ đạo chuyển đổi số | 20 | Người đứng đầu là Trưởng ban | 20,00 |",
    );
    const xlsx = await api.get("/api/assessments/ORD-A/units/D1/scorecard.xlsx", viewer);
    const book = await openWorkbook(xlsx.rawPayload);
    const sheet = book.worksheets[0];
    expect([sheet?.getRow(4).getCell(1).value, sheet?.getRow(5).getCell(1).value]).toEqual(["Mã", "1.1"]);
  });
});
