import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_NOW } from "../test-clock.ts";

const root = join(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`chiso serve exited (${child.exitCode}):\n${log()}`);
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`chiso serve did not answer within 150 s:\n${log()}`);
}

/** Builds web/dist when it is missing or older than its sources (a few seconds). */
export function buildWebIfNeeded(): void {
  const build = spawnSync(process.execPath, ["scripts/build-web-if-needed.js"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the web application did not build");
}

export interface DemoServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * `chiso serve --demo-if-empty` on a free port over a fresh PGlite directory: the Đồng Tháp demo
 * as a newcomer gets it from `npm start`, on the tests' day (test/test-clock.ts). Loading the demo takes about ten seconds.
 * With `{ demo: false }`, `chiso serve` over an empty database: a real install before its first run.
 */
export async function startDemoServer({ demo = true } = {}): Promise<DemoServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "chiso-browser-"));
  let output = "";
  const args = ["bin/chiso.js", "serve", ...(demo ? ["--demo-if-empty"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CHISO_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // The server lives on the tests' day, not the machine's: periods, locks and due dates hold.
      CHISO_CLOCK_START: TEST_NOW.toISOString(),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: unknown) => {
    output += String(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child, () => output);
  return {
    base,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
