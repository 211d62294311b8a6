import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestLocation, testLocation } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";

let location: TestLocation;
let dir: string;

function chiso(args: string[]) {
  const env = { ...process.env, DATABASE_URL: "", ...location.env };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], { encoding: "utf8", env });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const header = "code,name,name_en,kind,type,level,parent_code,valid_from,valid_to,predecessor_codes";
const good = [
  header,
  "866,Thành phố Cao Lãnh,Cao Lanh City,territorial,thành phố,2,87,2023-01-01,,",
  "87,Tỉnh Đồng Tháp,Dong Thap Province,territorial,tỉnh,1,,2023-01-01,,",
  "S-STTTT,Sở Thông tin và Truyền thông,,agency,sở/ngành,,87,2023-01-01,,",
].join("\n");

beforeAll(async () => {
  location = await testLocation();
  dir = mkdtempSync(join(tmpdir(), "chiso-units-"));
  writeFileSync(join(dir, "good.csv"), good);
  writeFileSync(join(dir, "bad.csv"), `${good}\n29863,Phường 11,,territorial,phường,,999,2023-01-01,,`);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await location.dispose();
});

const unitCodes = async () => {
  const database = await location.open();
  try {
    return (await queryRows<{ code: string }>(database.db, sql`select code from units order by code`)).map(
      (r) => r.code,
    );
  } finally {
    await database.close();
  }
};

describe("chiso units import", () => {
  it("needs a file", () => {
    const out = chiso(["units", "import"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe("chiso units import: cần FILE / needs FILE (chiso units import --help)\n");
  });

  it("lists the rejected row and its field, exits 1 and writes nothing", async () => {
    const out = chiso(["units", "import", join(dir, "bad.csv")]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain("ERROR: tạo / create 3, giữ nguyên / unchanged 0, từ chối / rejected 1\n");
    expect(out.stdout).toContain(
      "  dòng / row 5 29863: từ chối / rejected\n    rows.5.parentCode: Không có đơn vị cấp trên mã 999 / No parent unit 999\n",
    );
    expect(await unitCodes()).toEqual([]);
  });

  it("previews with --dry-run, then loads the list, then finds it unchanged", async () => {
    const dry = chiso(["units", "import", join(dir, "good.csv"), "--dry-run"]);
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout.split("\n")[0]).toBe(
      "Chạy thử, chưa ghi / Dry run, nothing written: tạo / create 3, giữ nguyên / unchanged 0, từ chối / rejected 0",
    );
    expect(await unitCodes()).toEqual([]);

    const real = chiso(["units", "import", join(dir, "good.csv")]);
    expect(real.status).toBe(0);
    expect(real.stdout.split("\n")[0]).toBe(
      "OK: tạo / create 3, giữ nguyên / unchanged 0, từ chối / rejected 0",
    );
    expect(await unitCodes()).toEqual(["866", "87", "S-STTTT"]);

    const again = chiso(["units", "import", join(dir, "good.csv")]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("OK: tạo / create 0, giữ nguyên / unchanged 3, từ chối / rejected 0\n");
  });
});

describe("chiso units reform", () => {
  const reform = [
    "action,code,name,type,parent,predecessors,date",
    "open,82,Tỉnh Đồng Tháp,tỉnh,,87,2025-07-01",
    "abolish,866,,,,,2025-07-01",
  ].join("\n");

  it("lists each problem by row and field, exits 1 and writes nothing", async () => {
    writeFileSync(join(dir, "bad-reform.csv"), reform.replace(",87,", ",99,"));
    const out = chiso(["units", "reform", join(dir, "bad-reform.csv")]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(
      "  rows.2.predecessors.0: Không có đơn vị đang hoạt động mã 99 / No unit in force with code 99\n",
    );
    expect(await unitCodes()).toEqual(["866", "87", "S-STTTT"]);
  });

  it("previews with --dry-run, applies the reform, then finds it unchanged", async () => {
    writeFileSync(join(dir, "reform.csv"), reform);
    const dry = chiso(["units", "reform", join(dir, "reform.csv"), "--dry-run"]);
    expect(dry.stderr).toBe("");
    expect(dry.stdout).toBe(
      [
        "Chạy thử, chưa ghi / Dry run, nothing written (2025-07-01): mở / open 1, giải thể / close 2, " +
          "chuyển / move 1, giữ nguyên / unchanged 0, lỗi / problems 0",
        "  mở / open 82 Tỉnh Đồng Tháp < - (cấp / level 1) ← 87",
        "  giải thể / close 866; cấp dưới sang / children to 82",
        "  giải thể / close 87; cấp dưới sang / children to 82",
        "  chuyển / move S-STTTT: 87 → 82 (cấp / level 2 → 2)",
        "",
      ].join("\n"),
    );
    expect(await unitCodes()).toEqual(["866", "87", "S-STTTT"]);
    const real = chiso(["units", "reform", join(dir, "reform.csv")]);
    expect(real.status).toBe(0);
    expect(await unitCodes()).toEqual(["82", "866", "87", "S-STTTT"]);
    const again = chiso(["units", "reform", join(dir, "reform.csv")]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(
      "OK (2025-07-01): mở / open 0, giải thể / close 0, chuyển / move 0, giữ nguyên / unchanged 4, lỗi / problems 0\n",
    );
  });
});
