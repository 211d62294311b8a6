import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine, type Headers, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { seedReportPlan } from "../reports/plan-fixture.test-helper.ts";
import { lastMonth } from "../submissions/test-helpers.ts";
import { JobRunner, type Ticker } from "./runner.ts";
import { failJobsOfStoppedServers } from "./startup.ts";
import { createJob } from "./store.ts";

let t: TestApp;
let admin: Headers;
let reporter: Headers;
let other: Headers;
const period = lastMonth();

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedReportPlan(t));
  reporter = await signIn(t, "bc.c11", [{ role: "reporter", unitCode: "C11" }]);
  other = await signIn(t, "bc.c12", [{ role: "reporter", unitCode: "C12" }]);
});
afterAll(() => t.close());

const get = (url: string, headers: Partial<Headers> = reporter) =>
  t.app.inject({ method: "GET", url, headers });

function upload(query: string, body: string, type: string, headers: Partial<Headers> = reporter) {
  return t.app.inject({
    method: "POST",
    url: `/api/jobs/imports${query}`,
    payload: body,
    headers: { ...headers, "content-type": type },
  });
}

/** The job once this server's runner has finished every job it accepted. */
async function finished(id: number, headers: Headers = reporter) {
  await t.app.jobRunner.whenIdle();
  return (await get(`/api/jobs/${id}`, headers)).json();
}

const drafts = async () =>
  queryRows<{ unit: string }>(
    t.database.db,
    sql`select u.code as unit from submissions s join units u on u.id = s.unit_id
        join forms f on f.id = s.form_id where f.code = 'TINY_MONTHLY' and s.period = ${period}`,
  );

const setOf = (dataValues: object[]) =>
  JSON.stringify({ dataSet: "TINY_MONTHLY", period, orgUnit: "C11", dataValues });

describe("import jobs", () => {
  it("accepts a dataValueSets file with 202, runs it, and shows the summary and full progress", async () => {
    const body = setOf([
      { dataElement: "DONE", value: "4" },
      { dataElement: "TOTAL", value: "9" },
    ]);
    const res = await upload("?dryRun=true&name=thang.json", body, "application/json");
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({
      kind: "import",
      createdBy: "bc.c11",
      params: { fileName: "thang.json", format: "json", dataSet: "TINY_MONTHLY", values: 2, dryRun: true },
    });
    expect(["queued", "running"]).toContain(accepted.status);
    const job = await finished(accepted.id);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { done: 2, total: 2 },
      error: null,
      result: { status: "SUCCESS", dryRun: true, importCount: { imported: 2, ignored: 0 }, conflicts: [] },
    });
    expect(await drafts()).toEqual([]);

    const real = await finished((await upload("", body, "application/json")).json().id);
    expect(real).toMatchObject({
      status: "succeeded",
      result: { dryRun: false, importCount: { imported: 2 } },
    });
    expect(await drafts()).toEqual([{ unit: "C11" }]);
    const audit = await queryRows<{ action: string; actor: string }>(
      t.database.db,
      sql`select action, actor_name as actor from audit_log where object_type = 'job' and object_id = ${String(real.id)}`,
    );
    expect(audit).toEqual([{ action: "create", actor: "bc.c11" }]);
  });

  it("fails a CSV import with a bad row, names the row, field and message, and writes nothing", async () => {
    const csv = [
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value",
      `DONE,${period},C12,,,3`,
      `TOTAL,${period},C12,,,-5`,
    ].join("\n");
    const res = await upload("?dataSet=TINY_MONTHLY", csv, "text/csv", admin);
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().id, admin);
    expect(job).toMatchObject({
      status: "failed",
      error: {
        code: "IMPORT_REJECTED",
        message: "Không nhập dữ liệu: có 1 lỗi",
        message_en: "Nothing imported: conflicts found (1)",
      },
      result: { status: "ERROR", importCount: { imported: 0 } },
    });
    expect(job.result.conflicts).toEqual([
      {
        object: "TOTAL",
        property: "value",
        index: 3,
        value: "Giá trị phải từ 0 trở lên",
        value_en: "The value must be at least 0",
      },
    ]);
    expect((await drafts()).map((d) => d.unit)).not.toContain("C12");
  });

  it("fails, without writing, a job whose values lie outside the user's units", async () => {
    const body = setOf([{ dataElement: "DONE", orgUnit: "C21", value: "1" }]);
    const job = await finished((await upload("", body, "application/json")).json().id);
    expect(job.status).toBe("failed");
    expect(job.result.conflicts[0]).toMatchObject({ index: 0 });
    expect((await drafts()).map((d) => d.unit)).not.toContain("C21");
  });

  it.each([
    ["{ not json", "application/json", "", "body"],
    ["DONE,202309,C11,,,1", "text/csv", "", "querystring.dataSet"],
    ["", "text/csv", "?dataSet=TINY_MONTHLY", "body"],
    [JSON.stringify({ dataSet: "X", dataValues: "no" }), "application/json", "", "body.dataValues"],
    ["{}", "application/json", "?dryRun=maybe", "querystring.dryRun"],
  ])("refuses the file %j up front with 400 at %s", async (body, type, query, path) => {
    const res = await upload(query, body, type);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string; message_en: string }[];
    expect(details.map((d) => d.path)).toContain(path);
    expect(details.every((d) => d.message && d.message_en)).toBe(true);
  });

  it("refuses the upload to a viewer (403) and to anonymous callers (401)", async () => {
    const viewer = await signIn(t, "xem.c11", [{ role: "viewer", unitCode: "C11" }]);
    expect((await upload("", setOf([]), "application/json", viewer)).statusCode).toBe(403);
    expect((await upload("", setOf([]), "application/json", {})).statusCode).toBe(401);
  });
});

describe("report jobs", () => {
  const build = (payload: object, headers: Partial<Headers> = reporter) =>
    t.app.inject({ method: "POST", url: "/api/jobs/reports", payload, headers });

  it("builds the Word report; its file is a docx under the report's name", async () => {
    const res = await build({ plan: "KH-T", period: "202309", format: "docx", lang: "vi" });
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().id);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { done: 3, total: 3 },
      result: { plan: "KH-T", period: "202309", format: "docx", fileName: "bao-cao-KH-T-202309.docx" },
      file: { name: "bao-cao-KH-T-202309.docx" },
    });
    const file = await get(`/api/jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(file.headers["content-disposition"]).toBe('attachment; filename="bao-cao-KH-T-202309.docx"');
    expect(file.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(file.rawPayload.length).toBe(job.file.size);
  });

  it("fails a month without approved data with the report's own error", async () => {
    const job = await finished((await build({ plan: "KH-T", period: "202305", format: "pdf" })).json().id);
    expect(job).toMatchObject({ status: "failed", error: { code: "NO_APPROVED_DATA" }, file: null });
    expect((await get(`/api/jobs/${job.id}/file`)).statusCode).toBe(404);
  });

  it("refuses an unknown plan (404) and a bad period or format (400) before accepting", async () => {
    expect((await build({ plan: "NOPE", period: "202309", format: "docx" })).statusCode).toBe(404);
    const bad = await build({ plan: "KH-T", period: "2023-13", format: "doc" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.format", "body.period"]);
  });
});

describe("who sees a job", () => {
  it("shows me my jobs, newest first; another user gets 404; an admin sees everyone's; anonymous 401", async () => {
    const mine = (await get("/api/jobs")).json() as { id: number; createdBy: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((j) => j.createdBy === "bc.c11")).toBe(true);
    expect(mine.map((j) => j.id)).toEqual([...mine.map((j) => j.id)].sort((a, b) => b - a));
    const report = mine.find((j) => (j as { kind?: string }).kind === "report");
    if (!report) throw new Error("no report job");

    expect((await get(`/api/jobs/${report.id}`, other)).statusCode).toBe(404);
    expect((await get(`/api/jobs/${report.id}/file`, other)).statusCode).toBe(404);
    expect((await get("/api/jobs", other)).json()).toEqual([]);
    expect((await get(`/api/jobs/${report.id}`, {})).statusCode).toBe(401);
    expect((await get("/api/jobs", {})).statusCode).toBe(401);

    expect((await get(`/api/jobs/${report.id}`, admin)).statusCode).toBe(200);
    const all = (await get("/api/jobs?limit=200", admin)).json() as { createdBy: string }[];
    expect(new Set(all.map((j) => j.createdBy))).toEqual(new Set(["bc.c11", "admin"]));
    const own = (await get("/api/jobs?mine=true&limit=200", admin)).json() as { createdBy: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((j) => j.createdBy === "admin")).toBe(true);
    expect(
      (await get("/api/jobs?kind=report", admin)).json().every((j: { kind: string }) => j.kind === "report"),
    ).toBe(true);
  });
});

describe("the runner", () => {
  const quiet = { error: () => {} };
  const row = async (id: number) =>
    (
      await queryRows<{ status: string; done: number; total: number; error: string | null }>(
        t.database.db,
        sql`select status, progress_done as done, progress_total as total, error_code as error from jobs where id = ${id}`,
      )
    )[0];

  it("writes a running job's progress to its row within a moment; when stopping, finishes it and fails the waiting ones", async () => {
    // The progress writes are ticked by hand: no waiting on the clock.
    let tick = async () => {};
    const ticker: Ticker = {
      every: (fn) => {
        tick = fn;
        return { stop: () => {} };
      },
    };
    const runner = new JobRunner(t.database.db, t.database.kind, quiet, ticker);
    const principal = {
      userId: (
        await queryRows<{ id: number }>(t.database.db, sql`select id from users where username = 'admin'`)
      )[0]?.id as number,
      username: "admin",
      displayName: "admin",
      locale: "vi",
      grants: [{ role: "admin" as const, unitId: 1, unitCode: "P" }],
    };
    const actor = { userId: principal.userId, name: "admin", ip: null };
    const first = await createJob(t.database.db, actor, principal, "report", { n: 1 }, runner.id);
    const second = await createJob(t.database.db, actor, principal, "report", { n: 2 }, runner.id);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let running = () => {};
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const released: number[] = [];
    const dispose = (id: number) => async () => {
      released.push(id);
    };
    runner.submit(
      first.id,
      async (progress) => {
        progress(1, 4);
        running();
        await gate;
        progress(4, 4);
        return { status: "succeeded", result: null };
      },
      dispose(first.id),
    );
    runner.submit(second.id, async () => ({ status: "succeeded", result: null }), dispose(second.id));

    await started;
    expect(await row(first.id)).toMatchObject({ status: "running", done: 0 });
    await tick();
    expect(await row(first.id)).toMatchObject({ status: "running", done: 1, total: 4 });
    expect(runner.progressOf(first.id)).toEqual({ done: 1, total: 4 });
    expect(await row(second.id)).toMatchObject({ status: "queued" });

    const closed = runner.close();
    release();
    await closed;
    expect(await row(first.id)).toMatchObject({ status: "succeeded", done: 4, total: 4, error: null });
    expect(await row(second.id)).toMatchObject({ status: "failed", error: "JOB_INTERRUPTED" });
    // Each job's spooled file is released: the run one's when it ended, the waiting one's when dropped.
    expect(released.sort()).toEqual([first.id, second.id].sort());
  });
});

describe("a server that starts (chiso serve)", () => {
  it("marks failed the jobs a stopped server left running, saying to run them again", async () => {
    const [user] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from users where username = 'bc.c11'`,
    );
    const [stale] = await queryRows<{ id: number }>(
      t.database.db,
      sql`insert into jobs (kind, status, created_by, scope, params, runner, started_at, heartbeat_at)
          values ('import', 'running', ${user?.id}, '[]', '{}', 'dead', now() - interval '1 hour', now() - interval '1 hour')
          returning id`,
    );
    expect(await failJobsOfStoppedServers(t.database)).toBe(1);
    const job = (await get(`/api/jobs/${stale?.id}`)).json();
    expect(job).toMatchObject({
      status: "failed",
      error: {
        code: "JOB_INTERRUPTED",
        message_en: "The server stopped during this job; nothing was written. Run it again.",
      },
    });
    expect(job.error.message).toContain("Hãy chạy lại");
    expect(job.finishedAt).not.toBeNull();
  });

  it(`treats a fresh running job of another server as ${engine === "postgresql" ? "alive (PostgreSQL: servers share it)" : "abandoned (PGlite: one process)"}`, async () => {
    const [live] = await queryRows<{ id: number }>(
      t.database.db,
      sql`insert into jobs (kind, status, created_by, scope, params, runner, started_at)
            select 'report', 'running', id, '[]', '{}', 'other', now() from users where username = 'admin'
            returning id`,
    );
    await failJobsOfStoppedServers(t.database);
    const expected = engine === "postgresql" ? "running" : "failed";
    expect((await get(`/api/jobs/${live?.id}`, admin)).json().status).toBe(expected);
  });
});
