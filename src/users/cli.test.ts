import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestLocation, testActor, testLocation, tinyTree } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import { createUnits } from "../units/service.ts";

let location: TestLocation;
let dir: string;

function chiso(args: string[]) {
  const env = {
    ...process.env,
    DATABASE_URL: "",
    CHISO_PUBLIC_URL: "https://chiso.dongthap.gov.vn/",
    CHISO_CLOCK_START: TEST_NOW.toISOString(),
    ...location.env,
  };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], { encoding: "utf8", env });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

beforeAll(async () => {
  location = await testLocation();
  const database = await location.open();
  await createUnits(database.db, testActor, tinyTree);
  await database.close();
  dir = mkdtempSync(join(tmpdir(), "chiso-users-"));
  writeFileSync(
    join(dir, "users.csv"),
    [
      "Tên đăng nhập,Họ và tên,Email,Vai trò,Mã đơn vị",
      "lan,Nguyễn Thị Lan,,reporter,C11",
      "minh,Trần Minh,,viewer,P",
    ].join("\n"),
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await location.dispose();
});

describe("chiso users import", () => {
  it("loads the users and writes their one-time links to a file only its owner reads", () => {
    const links = join(dir, "links.csv");
    const first = chiso(["users", "import", join(dir, "users.csv"), "--links", links]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("OK: tạo / create 2, giữ nguyên / unchanged 0, từ chối / rejected 0\n");
    const lines = readFileSync(links, "utf8").trim().split("\n");
    expect(lines[0]).toBe("username,link,expires_at");
    expect(lines[1]).toMatch(
      /^lan,https:\/\/chiso\.dongthap\.gov\.vn\/set-password#cspw_\S+,2026-11-27T02:0\d:\d\d\.\d{3}Z$/,
    );
    expect(statSync(links).mode & 0o777).toBe(0o600);
  });

  it("finds the same file unchanged the second time, and gives no link", () => {
    const again = chiso(["users", "import", join(dir, "users.csv")]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("OK: tạo / create 0, giữ nguyên / unchanged 2, từ chối / rejected 0\n");
  });

  it("issues a fresh link for a user", () => {
    const fresh = chiso(["users", "password-link", "lan"]);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(
      /\n {2}lan,https:\/\/chiso\.dongthap\.gov\.vn\/set-password#cspw_\S+,\S+\n$/,
    );
  });
});
