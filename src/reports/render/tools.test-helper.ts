import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";

/** Whether a command-line tool is installed; the tests that need it say so when it is not. */
function installed(command: string, args: string[]): boolean {
  const found = spawnSync(command, args, { stdio: "ignore" }).error === undefined;
  if (!found)
    console.warn(
      `${command} is not installed (apt-get install poppler-utils libreoffice-writer-nogui): skipping`,
    );
  return found;
}
// CI installs both (.ci/run), so there a missing tool fails the test instead of skipping it.
const required = process.env.CI === "true";
export const hasPdftotext = required || installed("pdftotext", ["-v"]);
export const hasSoffice = required || installed("soffice", ["--version"]);

/** The text of a PDF; with `layout`, each printed line on one text line, columns side by side. */
export function pdfText(file: string, layout = false): string {
  const out = spawnSync("pdftotext", ["-enc", "UTF-8", ...(layout ? ["-layout"] : []), file, "-"], {
    encoding: "utf8",
  });
  expect(out.status).toBe(0);
  return out.stdout.normalize("NFC");
}

/** Converts a .docx in `dir` to PDF with LibreOffice, as an official opening the file would see it. */
export function libreOfficePdf(dir: string, docx: string): string {
  const profile = `file://${join(dir, "lo-profile")}`;
  const out = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      join(dir, docx),
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  expect(out.status, out.stderr).toBe(0);
  return join(dir, docx.replace(/\.docx$/, ".pdf"));
}
