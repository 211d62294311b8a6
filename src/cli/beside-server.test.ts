import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../db/lock.ts";

let root = "";

/** Runs `chiso` on the embedded database in `dataDir`, as a user would. */
function chiso(dataDir: string, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: "", CHISO_DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: "4321" };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], { encoding: "utf8", env });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const readOnly = {
  report: ["report", "--plan", "KH-T", "--period", "202309"],
  ranking: ["ranking", "--assessment", "DTI-2022"],
  export: ["export", "--data-set", "BM-01", "--period", "202309", "--unit", "87"],
} satisfies Record<string, string[]>;

const noDatabase = (dir: string) =>
  `Không có cơ sở dữ liệu tại ${dir}: chạy \`npm start\` (dữ liệu mẫu) hoặc \`chiso init\`, hoặc đặt CHISO_DATA_DIR hay DATABASE_URL / ` +
  `No database at ${dir}: run \`npm start\` (demo data) or \`chiso init\`, or set CHISO_DATA_DIR or DATABASE_URL\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "chiso-beside-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a read-only command where there is no database", () => {
  for (const [name, args] of Object.entries(readOnly)) {
    it(`${name} on an absent data directory says so in one line and creates nothing`, () => {
      const dir = join(root, `absent-${name}`);
      const out = chiso(dir, ...args);
      expect(out.stderr).toBe(noDatabase(dir));
      expect(out.stdout).toBe("");
      expect(out.status).toBe(1);
      expect(existsSync(dir)).toBe(false);
    });
  }

  it("report on an empty data directory leaves it empty", () => {
    const dir = join(root, "empty");
    mkdirSync(dir);
    const out = chiso(dir, ...readOnly.report);
    expect(out.stderr).toBe(noDatabase(dir));
    expect(out.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a command beside the process that holds the embedded database", () => {
  let dir = "";
  let release = () => {};
  beforeAll(() => {
    // A data directory that looks like a database; the lock is met before PGlite reads it.
    dir = join(root, "held");
    mkdirSync(dir);
    writeFileSync(join(dir, "PG_VERSION"), "17\n");
    release = acquireDataDirLock(dir);
  });
  afterAll(() => release());

  const held = (vi: string, en: string) =>
    `Thư mục dữ liệu ${dir} đang được tiến trình khác (pid ${process.pid}, có thể là máy chủ chiso) dùng: ` +
    `dừng tiến trình đó rồi chạy lại lệnh${vi} / The data directory ${dir} is in use by another process ` +
    `(pid ${process.pid}, perhaps the chiso server): stop it and run the command again${en}\n`;
  const viaApi = (request: string) =>
    [
      `, hoặc gọi API của máy chủ (đã đăng nhập): ${request}`,
      `, or call the server's API (signed in): ${request}`,
    ] as const;

  it("report names the server's equivalent request, in one line, exit 1", () => {
    const out = chiso(dir, "report", "--plan", "KH T", "--period", "202309", "--format", "docx");
    expect(out.stderr).toBe(
      held(...viaApi("GET http://127.0.0.1:4321/api/plans/KH%20T/report?period=202309&format=docx&lang=vi")),
    );
    expect(out.stdout).toBe("");
    expect(out.status).toBe(1);
    expect(readFileSync(join(dir, "chiso.lock"), "utf8")).toBe(String(process.pid));
  });

  it("ranking and export name theirs", () => {
    const ranking = chiso(dir, "ranking", "--assessment", "DTI-2022", "--group", "so");
    expect(ranking.stderr).toBe(
      held(...viaApi("GET http://127.0.0.1:4321/api/assessments/DTI-2022/ranking.md?group=so")),
    );
    expect(ranking.status).toBe(1);
    const exported = chiso(dir, ...readOnly.export, "--unit", "866", "--children", "--format", "csv");
    expect(exported.stderr).toBe(
      held(
        ...viaApi(
          "GET http://127.0.0.1:4321/api/dataValueSets.csv?dataSet=BM-01&period=202309&orgUnit=87&orgUnit=866&children=true",
        ),
      ),
    );
    expect(exported.status).toBe(1);
  });

  it("import names the server's import, and a command with no HTTP equivalent only says to stop it", () => {
    const file = join(root, "values.json");
    writeFileSync(file, '{"dataValues":[]}');
    const imported = chiso(dir, "import", file, "--dry-run");
    expect(imported.stderr).toBe(held(...viaApi("POST http://127.0.0.1:4321/api/dataValueSets?dryRun=true")));
    expect(imported.status).toBe(1);
    const migrated = chiso(dir, "migrate");
    expect(migrated.stderr).toBe(held("", ""));
    expect(migrated.status).toBe(1);
  });
});
