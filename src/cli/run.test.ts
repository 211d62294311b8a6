import { describe, expect, it } from "vitest";
import { help, runCli } from "./run.ts";

/** Runs a command line in this process, keeping what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(""), err: err.join("") };
}

// Every case here stops before a database is opened.
describe("the command line's answers", () => {
  it("prints the help for no command and for help, exit 0", async () => {
    for (const argv of [[], ["help"], ["--help"]]) {
      expect(await cli(...argv)).toEqual({ code: 0, out: help(), err: "" });
    }
    expect(help()).toContain("chiso units import FILE [--dry-run]");
  });

  it("names an unknown command in one line, exit 2", async () => {
    expect(await cli("frobnicate")).toEqual({
      code: 2,
      out: "",
      err: "chiso: không có lệnh «frobnicate» / unknown command «frobnicate» (chiso help)\n",
    });
    expect((await cli("units", "frob")).err).toContain("«units frob»");
  });

  it("shows a command's usage for --help and -h, exit 0", async () => {
    const report = await cli("report", "--help");
    expect(report.code).toBe(0);
    expect(report.out).toBe(
      "Cách dùng / Usage:\n  chiso report --plan CODE --period 202309 [--format md|docx|pdf|xlsx] [--lang vi|en] [-o FILE]\n" +
        "                                    báo cáo kết quả thực hiện kế hoạch / the plan report\n",
    );
    expect((await cli("units", "import", "-h")).out).toContain("chiso units import FILE");
  });

  it("answers a bad option in one line naming it, with where to read the usage, exit 2", async () => {
    expect(await cli("export", "--bogus")).toEqual({
      code: 2,
      out: "",
      err: "chiso export: không có tùy chọn --bogus / unknown option --bogus (chiso export --help)\n",
    });
    expect((await cli("export", "--data-set")).err).toBe(
      "chiso export: tùy chọn --data-set cần một giá trị / option --data-set needs a value (chiso export --help)\n",
    );
    expect((await cli("export", "--data-set", "F")).err).toBe(
      "chiso export: cần --period, --unit / needs --period, --unit (chiso export --help)\n",
    );
  });

  it("lists every allowed value of a bad choice; the ranking's format is optional", async () => {
    const pdf = await cli("ranking", "--assessment", "DTI", "--format", "pdf");
    expect(pdf).toEqual({
      code: 2,
      out: "",
      err:
        "chiso ranking: --format pdf không hợp lệ, chọn một trong: md, xlsx, docx / " +
        "--format pdf is not valid; one of: md, xlsx, docx (chiso ranking --help)\n",
    });
    expect((await cli("ranking")).err).toBe(
      "chiso ranking: cần --assessment / needs --assessment (chiso ranking --help)\n",
    );
    const role = await cli("user", "add", "--username", "a", "--role", "boss", "--unit", "87");
    expect([role.code, role.err]).toEqual([
      2,
      "chiso user add: --role boss không hợp lệ, chọn một trong: admin, reporter, approver, viewer, appraiser / " +
        "--role boss is not valid; one of: admin, reporter, approver, viewer, appraiser (chiso user add --help)\n",
    ]);
  });

  it("says in one line which file is missing, exit 1, no stack", async () => {
    for (const argv of [
      ["import", "/khong-co/tep.json"],
      ["units", "import", "/khong-co/tep.csv"],
      ["users", "import", "/khong-co/tep.csv"],
      ["setup", "import", "/khong-co/tep.json"],
    ]) {
      const answer = await cli(...argv);
      expect(answer.code).toBe(1);
      expect(answer.err).toBe(
        `chiso ${argv.slice(0, -1).join(" ")}: ${argv.at(-1)}: không có tệp hoặc thư mục này / no such file or directory\n`,
      );
    }
  });
});
