/** HTTP load: autocannon (its own process, so it does not share the bench's event loop) at 64 connections. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ServerProcess } from "../src/scale/server-process.ts";

const run = promisify(execFile);
const autocannonBin = fileURLToPath(new URL("../node_modules/autocannon/autocannon.js", import.meta.url));

export interface HttpResult {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
}

/** Signs in over HTTP and returns the session cookie. */
export async function login(server: ServerProcess, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("chiso_session="));
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(";")[0] ?? "";
}

export async function load(
  server: ServerProcess,
  path: string,
  cookie: string,
  seconds = 10,
): Promise<HttpResult> {
  const connections = 64;
  const args = [autocannonBin, "-c", String(connections), "-d", String(seconds), "-j"];
  const { stdout } = await run(
    process.execPath,
    // As a browser asks: every browser accepts gzip, and the wall screen is a browser.
    [...args, "-H", `cookie=${cookie}`, "-H", "accept-encoding=gzip, deflate, br", `${server.url}${path}`],
    {
      maxBuffer: 1 << 24,
    },
  );
  const result = JSON.parse(stdout) as AutocannonJson;
  return {
    path,
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}
