import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { XLSX } from "../files/row-file.ts";
import { removeStaleUploads, spool } from "../files/spool.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { withTotal } from "../http/paging.ts";
import { assertPlanReader } from "../plans/access.ts";
import { planByCode } from "../plans/store.ts";
import { importJobQuery, jobListQuery, jobOut, jobParams, reportJobBody } from "./schema.ts";
import { createJob, type JobView, jobById, jobFile, listJobs } from "./store.ts";
import { checkUpload, importWork, reportWork } from "./work.ts";

const tags = ["jobs"];

/** How often reads look for jobs abandoned by a stopped process. */
const SWEEP_MS = 10_000;
/** The longest an import on PGlite waits for the server to be quiet between two of its steps. */
const GIVE_WAY_MS = 1_000;

/**
 * Công việc chạy nền: imports and report builds that run after the request has answered 202.
 * The accepting server runs them, one at a time; GET /jobs/{id} shows progress, then the result.
 */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const runner = app.jobRunner;
  // PGlite has one connection: an import waits for the requests being answered between its
  // transactions (at most GIVE_WAY_MS). PostgreSQL answers them on other connections.
  const giveWay = app.dbKind === "pglite" ? () => app.traffic.quiet(GIVE_WAY_MS) : undefined;

  // Jobs of stopped servers are failed at start (failJobsOfStoppedServers, in `chiso serve`);
  // reads look again now and then, for servers that stop while others keep running.
  let lastSweep = 0;
  const sweep = async () => {
    if (Date.now() - lastSweep < SWEEP_MS) return;
    lastSweep = Date.now();
    await runner.failAbandoned();
  };
  /** A live job's progress from memory, which on PGlite is ahead of its row. */
  const fresh = (job: JobView): JobView => {
    const progress = runner.progressOf(job.id);
    return progress && job.status === "running" ? { ...job, progress } : job;
  };

  // Spooled files that a stopped process left behind (a crash, a kill) are removed at start.
  await removeStaleUploads(app.config.uploadDir);

  // The import's file arrives as the raw body, whatever its type, and is spooled to disk as a stream.
  await app.register(async (plain) => {
    const uploads = plain.withTypeProvider<ZodTypeProvider>();
    uploads.removeContentTypeParser(["application/json", "text/plain"]);
    uploads.addContentTypeParser("*", (_request, body, done) => done(null, body));

    uploads.post(
      "/jobs/imports",
      {
        schema: {
          tags,
          summary:
            "Nhập số liệu chạy nền (tệp dataValueSets JSON, DHIS2 CSV hoặc Excel .xlsx) / Import a dataValueSets JSON, DHIS2 CSV or Excel (.xlsx) file as a background job",
          description:
            "The file is the raw body (at most CHISO_BODY_LIMIT bytes, else 413), spooled to a temporary " +
            "file and checked before the job is accepted. Answers 202 with the job; " +
            "poll GET /api/jobs/{id} for its progress and the import summary.",
          querystring: importJobQuery,
          consumes: ["application/json", "text/csv", XLSX, "application/octet-stream"],
          body: z.custom<Readable>(
            (v) => v instanceof Readable,
            "Nội dung tệp phải là dữ liệu thô|The file must be sent as the raw body",
          ),
          response: { 202: jobOut },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const q = request.query;
        const limit = app.config.bodyLimit;
        if (Number(request.headers["content-length"] ?? 0) > limit) throw new AppError("PAYLOAD_TOO_LARGE");
        const file = await spool(request.body, app.config.uploadDir, limit);
        try {
          const upload = await checkUpload(file, {
            format: q.format,
            contentType: request.headers["content-type"],
            dataSet: q.dataSet,
          });
          const actor = actorOf(request);
          const params = {
            fileName: q.name ?? null,
            format: upload.format,
            dataSet: upload.dataSet,
            values: upload.values,
            dryRun: q.dryRun,
            atomic: q.atomic,
          };
          const job = await createJob(app.db, actor, principal, "import", params, runner.id);
          const key = String(job.id);
          const work = importWork(app.db, { actor, principal }, upload, { ...q, key, pause: giveWay });
          runner.submit(job.id, work, file.remove);
          return reply.status(202).send(job);
        } catch (error) {
          await file.remove();
          throw error;
        }
      },
    );
  });

  app.post(
    "/jobs/reports",
    {
      schema: {
        tags,
        summary:
          "Lập báo cáo kế hoạch chạy nền (md, docx, pdf, xlsx) / Build the plan report as a background job",
        description:
          "Answers 202 with the job; when it has succeeded, GET /api/jobs/{id}/file is the report.",
        body: reportJobBody,
        response: { 202: jobOut },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      // Refused now, as the synchronous report would be, rather than as a failed job.
      await assertPlanReader(app.db, principal, await planByCode(app.db, request.body.plan));
      const job = await createJob(app.db, actorOf(request), principal, "report", request.body, runner.id);
      runner.submit(job.id, reportWork(app.db, principal, request.body));
      return reply.status(202).send(job);
    },
  );

  app.get(
    "/jobs",
    {
      schema: {
        tags,
        summary:
          "Công việc của tôi (quản trị: của những người dùng mình quản lý, trừ khi mine=true), mới nhất trước / My jobs (admins: those of the users it manages unless mine=true), newest first",
        querystring: jobListQuery,
        response: { 200: z.array(jobOut) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await sweep();
      const { items, total } = await listJobs(app.db, principal, request.query);
      return withTotal(reply, total, items.map(fresh));
    },
  );

  app.get(
    "/jobs/:id",
    {
      schema: {
        tags,
        summary: "Trạng thái, tiến độ và kết quả một công việc / A job's status, progress and result",
        params: jobParams,
        response: { 200: jobOut },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await sweep();
      return fresh(await jobById(app.db, principal, request.params.id));
    },
  );

  app.get(
    "/jobs/:id/file",
    {
      schema: {
        tags,
        summary: "Tải tệp báo cáo đã lập / Download the report a job built",
        params: jobParams,
        produces: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const file = await jobFile(app.db, principalOf(request), request.params.id);
      const inline = file.contentType.startsWith("text/markdown");
      return reply
        .type(file.contentType)
        .header("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${file.name}"`)
        .send(file.bytes);
    },
  );
};
