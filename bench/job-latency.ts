/**
 * Other requests during a background import on the embedded database (issue 14.5): a fresh PGlite
 * server, 100,000 values posted to POST /api/jobs/imports, and GET /api/auth/me issued every
 * 20 ms while the job runs; their p95 against the same requests with no import (same run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../src/scale/server-process.ts";
import { percentile } from "./measure.ts";

const FORM = "BENCH_JOB";
const DISTRICTS = 10;
const COMMUNES = 100;
const METRICS = 10;
const MONTHS = 10;
const EVERY_MS = 20;

export interface Latency {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface JobLatencyResult {
  values: number;
  importSeconds: number;
  idle: Latency;
  duringImport: Latency;
  /** p95 during the import / p95 without it. */
  p95Ratio: number;
}

type Call = (method: string, path: string, body?: string, type?: string) => Promise<Response>;

async function ok(res: Promise<Response>): Promise<Response> {
  const done = await res;
  if (!done.ok) throw new Error(`bench jobs: ${done.status} ${await done.text()}`);
  return done;
}

/** The province, its 1,000 communes, 10 metrics and a monthly form, through the public API. */
async function setUp(url: string): Promise<{ call: Call; cookie: string; communes: string[] }> {
  const password = "bench-mat-khau-thu";
  const json = "application/json";
  const post = (path: string, body: object, cookie = "") =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": json, cookie },
      body: JSON.stringify(body),
    });
  const province = { code: "99", nameVi: "Tỉnh Thử", validFrom: "2020-01-01" };
  await ok(post("/api/setup", { province, admin: { username: "bench", displayName: "Bench", password } }));
  const login = await ok(post("/api/auth/login", { username: "bench", password }));
  const cookie =
    login.headers
      .getSetCookie()
      .find((c) => c.startsWith("chiso_session="))
      ?.split(";")[0] ?? "";
  const call: Call = (method, path, body, type = json) =>
    fetch(`${url}${path}`, { method, headers: { "content-type": type, cookie }, body });
  const rows = ["code,name,kind,type,parent_code,valid_from"];
  const communes: string[] = [];
  for (let d = 1; d <= DISTRICTS; d++) {
    rows.push(`H${d},Huyện ${d},territorial,huyện,99,2020-01-01`);
    for (let c = 1; c <= COMMUNES; c++) {
      communes.push(`X${d}_${c}`);
      rows.push(`X${d}_${c},Xã ${d}-${c},territorial,xã,H${d},2020-01-01`);
    }
  }
  await ok(call("POST", "/api/units/import", rows.join("\n"), "text/csv"));
  const metrics = Array.from({ length: METRICS }, (_, i) => `M${i + 1}`);
  for (const code of metrics) {
    const metric = { code, nameVi: `Chỉ số ${code}`, valueType: "integer", aggregation: "sum" };
    await ok(call("POST", "/api/metrics", JSON.stringify(metric)));
  }
  const form = {
    code: FORM,
    nameVi: "Biểu thử tải",
    periodType: "month",
    dueRule: { kind: "days_after_end", days: 25 },
    openFrom: "202401",
    metrics: metrics.map((code) => ({ code })),
    unitCodes: communes,
  };
  await ok(call("POST", "/api/forms", JSON.stringify(form)));
  return { call, cookie, communes };
}

/** 100,000 values: each commune's report of each month, its values together. */
function dataValueSet(communes: readonly string[]): string {
  const values: string[] = [];
  for (let m = 1; m <= MONTHS; m++) {
    const period = `2024${String(m).padStart(2, "0")}`;
    for (const orgUnit of communes) {
      for (let i = 1; i <= METRICS; i++) {
        values.push(`{"dataElement":"M${i}","period":"${period}","orgUnit":"${orgUnit}","value":"${i * m}"}`);
      }
    }
  }
  return `{"dataSet":"${FORM}","dataValues":[${values.join(",")}]}`;
}

/** Kept-alive connections, a few as a browser opens: a request waits for a free one. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });

/** A GET answered, from the moment it is issued (however long it waits); its time in ms. */
function timedGet(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie }, agent }, (res) => {
      res.resume();
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(performance.now() - t0)
          : reject(new Error(`${url}: ${res.statusCode}`)),
      );
    });
    request.on("error", reject);
  });
}

/** GET /api/auth/me every EVERY_MS until `until` settles; each answer's time in ms. */
async function sample(me: () => Promise<number>, until: Promise<unknown>): Promise<Latency> {
  const times: Promise<number>[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    times.push(me());
    await new Promise((r) => setTimeout(r, EVERY_MS));
  }
  const sorted = (await Promise.all(times)).sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

async function jobEnds(call: Call, id: number): Promise<string> {
  for (;;) {
    const job = (await (await ok(call("GET", `/api/jobs/${id}`))).json()) as { status: string };
    if (job.status === "succeeded" || job.status === "failed") return job.status;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function jobLatencyBench(log: (line: string) => void): Promise<JobLatencyResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "chiso-bench-jobs-"));
  const env = { CHISO_DATA_DIR: dataDir, CHISO_RATE_LIMIT_USER: "0", CHISO_RATE_LIMIT_IP: "0" };
  const server = await startServer({ ...env, CHISO_BODY_LIMIT: String(64 << 20) });
  try {
    const { call, cookie, communes } = await setUp(server.url);
    const body = dataValueSet(communes);
    const me = () => timedGet(`${server.url}/api/auth/me`, cookie);
    const idle = await sample(me, new Promise((r) => setTimeout(r, 5_000)));
    log(`  idle: /api/auth/me p95 ${idle.p95Ms.toFixed(1)} ms`);
    const t0 = performance.now();
    const accepted = await ok(call("POST", "/api/jobs/imports", body));
    const { id } = (await accepted.json()) as { id: number };
    const ended = jobEnds(call, id);
    const duringImport = await sample(me, ended);
    const importSeconds = (performance.now() - t0) / 1000;
    if ((await ended) !== "succeeded") throw new Error("bench jobs: the import job failed");
    log(`  during the import (${importSeconds.toFixed(1)} s): p95 ${duringImport.p95Ms.toFixed(1)} ms`);
    const values = DISTRICTS * COMMUNES * METRICS * MONTHS;
    return { values, importSeconds, idle, duringImport, p95Ratio: duringImport.p95Ms / idle.p95Ms };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
