#!/usr/bin/env node
// Builds the web application (web/dist) when it is missing or older than its sources, so that
// `npm ci && npm start` serves the whole product. A fresh build takes a few seconds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "web/dist/index.html");
// The web bundle imports the pure domain core, so its sources count too.
const sources = ["web/src", "web/index.html", "web/vite.config.ts", "src/domain", "package-lock.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when web/dist is missing or older than a source file. */
export function webBuildNeeded() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > builtAt);
}

export function buildWeb() {
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error("web build failed");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (webBuildNeeded()) {
    process.stdout.write("Đang dựng giao diện web / building the web application…\n");
    const started = Date.now();
    buildWeb();
    process.stdout.write(`Giao diện web đã sẵn sàng / web application built in ${Date.now() - started} ms\n`);
  }
}
