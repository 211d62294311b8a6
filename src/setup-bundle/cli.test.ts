import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChiso } from "../../test/cli.ts";
import { type TestLocation, testActor, testLocation, tinyTree } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { createUnits } from "../units/service.ts";

let from: TestLocation;
let to: TestLocation;
let dir: string;

beforeAll(async () => {
  [from, to] = [await testLocation(), await testLocation()];
  const database = await from.open();
  await createUnits(database.db, testActor, tinyTree);
  await seedReporting(database.db);
  await database.close();
  dir = mkdtempSync(join(tmpdir(), "chiso-setup-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await from.dispose();
  await to.dispose();
});

describe("chiso setup export|import", () => {
  it("carries a form to another install, all or nothing, and a second run changes nothing", () => {
    const file = join(dir, "cds-xa.json");
    const exported = runChiso(from.env, ["setup", "export", "--form", "CDS_XA", "-o", file]);
    expect(exported.stderr).toBe(`1 biểu mẫu / forms, 5 chỉ số / metrics → ${file}\n`);
    expect(exported.status).toBe(0);

    const bundle = JSON.parse(readFileSync(file, "utf8"));
    bundle.forms[0].versions[0].rules[1].expression = "#{ONLINE_RATE} <= #{OFFLINE_RATE}";
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify(bundle));
    const refused = runChiso(to.env, ["setup", "import", bad]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      "ERROR: tạo / create 8, sửa / update 0, giữ nguyên / unchanged 0, từ chối / rejected 1\n",
    );
    expect(refused.stdout).toContain(
      "  dòng / row 9 quy tắc / rule CDS_XA@-/ONLINE_RATE_PLAUSIBLE: từ chối / rejected\n" +
        "    forms.0.versions.0.rules.1.expression: Biểu mẫu không có chỉ số OFFLINE_RATE / The form has no metric OFFLINE_RATE\n",
    );

    const loaded = runChiso(to.env, ["setup", "import", file]);
    expect(loaded.status).toBe(0);
    expect(loaded.stdout.split("\n")[0]).toBe(
      "OK: tạo / create 9, sửa / update 0, giữ nguyên / unchanged 0, từ chối / rejected 0",
    );
    const again = runChiso(to.env, ["setup", "import", file]);
    expect(again.stdout).toBe(
      "OK: tạo / create 0, sửa / update 0, giữ nguyên / unchanged 9, từ chối / rejected 0\n",
    );
    expect(again.status).toBe(0);
  });
});
