import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestLocation, testLocation } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";

let location: TestLocation;

/** Runs `chiso` on the test database as an operator would, the password on standard input. */
function chiso(args: string[], input = "") {
  const env = { ...process.env, DATABASE_URL: "", CHISO_PASSWORD: "", ...location.env };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], { encoding: "utf8", env, input });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const init = (...more: string[]) => [
  "init",
  "--code",
  "82",
  "--name",
  "Tỉnh Đồng Tháp",
  "--name-en",
  "Dong Thap Province",
  "--valid-from",
  "2025-07-01",
  "--admin",
  "qt.tinh",
  "--admin-name",
  "Quản trị tỉnh",
  "--password-stdin",
  ...more,
];

beforeAll(async () => {
  location = await testLocation();
});
afterAll(() => location.dispose());

describe("chiso init", () => {
  it("names the flags it needs, and the refused values by their flags", () => {
    const missing = chiso(["init", "--code", "82"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      "chiso init: cần --name, --admin, --admin-name / needs --name, --admin, --admin-name (chiso init --help)\n",
    );
    const short = chiso(init(), "ngan\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toBe(
      "Lỗi: Dữ liệu không hợp lệ\nError: Invalid input\n" +
        "  CHISO_PASSWORD / --password-stdin: Mật khẩu phải có ít nhất 10 ký tự / The password needs at least 10 characters\n",
    );
  });

  it("creates the province and its first admin in an empty database, audited", async () => {
    const out = chiso(init(), "mat-khau-dai-du\n");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(
      "Đã khởi tạo / Set up: 82 Tỉnh Đồng Tháp (từ / from 2025-07-01); quản trị / admin: qt.tinh (id 1)\n",
    );
    const database = await location.open();
    try {
      const rows = await queryRows(
        database.db,
        sql`select u.username, g.role::text as role, t.code, t.type, p.parent_id as "parentId",
                   t.valid_from::text as "validFrom",
                   (select count(*)::int from audit_log a where a.action = 'create' and a.actor_name = 'cli') as audited
            from users u join user_grants g on g.user_id = u.id join units t on t.id = g.unit_id
            join unit_placements p on p.unit_id = t.id`,
      );
      expect(rows).toEqual([
        {
          username: "qt.tinh",
          role: "admin",
          code: "82",
          type: "tỉnh",
          parentId: null,
          validFrom: "2025-07-01",
          audited: 2,
        },
      ]);
    } finally {
      await database.close();
    }
  });

  it("refuses a second time with exit 1 and one line in both languages", () => {
    const again = chiso(init("--code", "87"), "mat-khau-dai-du\n");
    expect(again.status).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(
      "Hệ thống đã được khởi tạo (đã có người dùng hoặc đơn vị); hãy đăng nhập, hoặc dùng chiso user add" +
        " / chiso is already set up (it has users or units); sign in, or use chiso user add\n",
    );
  });
});
