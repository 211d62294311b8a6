import { spawnSync } from "node:child_process";
import { TEST_NOW } from "./test-clock.ts";

/** Runs `chiso` as a user would, on the database `env` points at, its clock started at TEST_NOW. */
export function runChiso(env: Record<string, string>, args: string[]) {
  const full = { ...process.env, DATABASE_URL: "", CHISO_CLOCK_START: TEST_NOW.toISOString(), ...env };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], { encoding: "utf8", env: full });
  // The line saying the clock was started is the test's doing, not the command's.
  const stderr = out.stderr.replace(/^chiso: đồng hồ bắt đầu từ .*\n/, "");
  return { status: out.status, stdout: out.stdout, stderr };
}
