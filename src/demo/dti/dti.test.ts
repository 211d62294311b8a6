import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine, type TestApp, testApp } from "../../../test/harness.ts";
import { renderRanking } from "../../assessments/cli.ts";
import { openWorkbook } from "../../assessments/test-fixtures.ts";
import { queryRows } from "../../db/rows.ts";
import { type DemoLogin, loadDemo } from "../load.ts";
import { demoAppraisalAdjustments, demoCouncilAdjustments } from "./adjustments.ts";

let t: TestApp;
let logins: DemoLogin[];
const progress: string[] = [];

beforeAll(async () => {
  t = await testApp();
  ({ logins } = await loadDemo(t.database.db, undefined, (line) => progress.push(line)));
});
afterAll(() => t.close());

async function signIn(username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "chiso-demo" },
  });
  const cookie = res.cookies.find((c) => c.name === "chiso_session");
  return { cookie: `chiso_session=${cookie?.value}` };
}
const get = async (url: string, username: string) =>
  t.app.inject({ method: "GET", url, headers: await signIn(username) });

type Row = { rank: number; unit: string; total: number; selfTotal: number };
type Group = { code: string; rows: Row[] };

describe("the DTI-2022 demo", () => {
  it("is published under Decision 1019/QĐ-UBND-HC, announced on 10/10/2023, on the sample framework", async () => {
    const res = await get("/api/assessments/DTI-2022", "mytan.baocao");
    expect(res.json()).toMatchObject({
      framework: "MAU-DTI-2022",
      year: 2022,
      status: "published",
      decision: { number: "1019/QĐ-UBND-HC", date: "2023-09-30", announcedOn: "2023-10-10" },
    });
    expect(res.json().nameVi).toContain("(MẪU)");
    expect(res.json().units).toHaveLength(31);
    expect(progress.at(-1)).toBe("chỉ số CĐS / index DTI-2022 31/31");
  });

  it("ranks the departments (two groups) and the 12 districts, ties sharing a rank", async () => {
    const groups: Group[] = (await get("/api/assessments/DTI-2022/ranking", "mytan.baocao")).json().groups;
    expect(groups.map((g) => [g.code, g.rows.length])).toEqual([
      ["SO_DVC", 16],
      ["SO_KHAC", 3],
      ["HUYEN", 12],
    ]);
    const ranks = (g: Group | undefined) => g?.rows.map((r) => r.rank);
    expect(ranks(groups[0])).toEqual([1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(ranks(groups[2])).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 9, 10, 11, 12]);
    const tied = groups[2]?.rows.filter((r) => r.rank === 7).map((r) => r.unit);
    expect(tied).toEqual(["869", "872"]);
    expect(groups[0]?.rows[0]).toMatchObject({ rank: 1, unit: "S-TTTT", total: 925.52 });
    expect(groups[2]?.rows[0]).toMatchObject({ rank: 1, unit: "867", total: 831.74 });
  });

  it("keeps every appraisal and council adjustment with its reason, each lowering the points", async () => {
    for (const change of [...demoAppraisalAdjustments, ...demoCouncilAdjustments]) {
      const card = (await get(`/api/assessments/DTI-2022/units/${change.unit}/scorecard`, "admin")).json();
      const line = card.criteria.find((c: { code: string }) => c.code === change.criterion);
      expect(line.appraised.value, `${change.unit} ${change.criterion}`).toEqual(change.value);
      expect(line.difference, `${change.unit} ${change.criterion}`).toBeLessThan(0);
      expect([line.appraisal.reason, line.council?.reason]).toContain(change.reason);
    }
  });

  it("gives the Sở TT&TT appraiser a login that sees only its department's criteria", async () => {
    expect(logins.at(-1)).toEqual({
      username: "sotttt.thamdinh",
      password: "chiso-demo",
      role: "appraiser",
      unit: "S-TTTT",
      unitName: "Sở Thông tin và Truyền thông",
    });
    const work = (await get("/api/assessments/DTI-2022/appraisal", "sotttt.thamdinh")).json();
    expect(work.criteria).toContain("1.1");
    expect(work.criteria).not.toContain("4.1");
    expect(work.units).toHaveLength(31);
  });

  it("wrote every step through the services, audited by the demo actor", async () => {
    const rows = await queryRows<{ objectType: string; action: string; n: number }>(
      t.database.db,
      sql`select object_type as "objectType", action, count(*)::int as n from audit_log
          where actor_name = 'demo' and object_type in ('index_framework', 'assessment', 'assessment_unit')
          group by 1, 2 order by 1, 2`,
    );
    expect(rows).toEqual([
      { objectType: "assessment", action: "close_appraisal", n: 1 },
      { objectType: "assessment", action: "close_self_assessment", n: 1 },
      { objectType: "assessment", action: "create", n: 1 },
      { objectType: "assessment", action: "finalise", n: 1 },
      { objectType: "assessment", action: "publish", n: 1 },
      { objectType: "assessment", action: "start", n: 1 },
      { objectType: "assessment_unit", action: "add_evidence", n: 31 },
      { objectType: "assessment_unit", action: "appraise", n: 31 },
      { objectType: "assessment_unit", action: "council_adjust", n: 1 },
      { objectType: "assessment_unit", action: "self_assess", n: 31 },
      { objectType: "assessment_unit", action: "submit", n: 31 },
      { objectType: "index_framework", action: "create", n: 1 },
    ]);
  });

  it("prints both groups' rankings as Markdown, as `chiso ranking --format md` does", async () => {
    const md = (await renderRanking(t.database.db, "DTI-2022", "md")) as string;
    expect(md).toContain("## Sở, ngành có cung cấp dịch vụ công (tối đa 1.000 điểm)");
    expect(md).toContain("## UBND huyện, thành phố (tối đa 900 điểm)");
    expect(md).toContain("| 1 | Sở Thông tin và Truyền thông | 925,52 | 0,9255 |");
    expect(md).toContain("| 7 | Huyện Tân Hồng | 636,20 |");
    expect(md).toContain("| 7 | Huyện Tháp Mười | 636,20 |");
    expect(md).toContain("*Kèm theo Quyết định số 1019/QĐ-UBND-HC ngày 30/09/2023; công bố ngày 10/10/2023*");
  });

  it("writes the Excel ranking and the Word annex, which open", async () => {
    const book = await openWorkbook((await renderRanking(t.database.db, "DTI-2022", "xlsx")) as Buffer);
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ["SO_DVC", 5 + 16],
      ["SO_KHAC", 5 + 3],
      ["HUYEN", 5 + 12],
    ]);
    const docx = (await renderRanking(t.database.db, "DTI-2022", "docx")) as Buffer;
    const xml = (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("1019/QĐ-UBND-HC");
    expect(xml).toContain("Thành phố Sa Đéc");
    // LibreOffice, where installed, must convert the annex: the file is a real Word document.
    if (engine === "pglite" && (process.env.CI === "true" || existsSync("/usr/bin/soffice"))) {
      const dir = mkdtempSync(join(tmpdir(), "chiso-docx-"));
      try {
        writeFileSync(join(dir, "phu-luc.docx"), docx);
        execFileSync(
          "soffice",
          ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "phu-luc.docx")],
          {
            timeout: 120_000,
            stdio: "ignore",
            env: { ...process.env, HOME: dir },
          },
        );
        expect(existsSync(join(dir, "phu-luc.pdf"))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
