import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { attachmentHeader, EVIDENCE_MAX_BYTES } from "../files/evidence-file.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { addEvidence, deleteEvidence, downloadEvidence, uploadEvidenceFile } from "./evidence.ts";
import { evidenceBody, evidenceOut, evidenceParams, fileQuery, unitParams } from "./schema.ts";

const tags = ["assessments"];

/** Tài liệu kiểm chứng: references, links and files attached to a unit's criteria. */
export const assessmentEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Files arrive as the raw body. Any type is read as bytes so that the service, not the
  // parser, decides (and explains) what is refused. Only routes of this plugin see this parser;
  // Fastify's own text/plain parser goes, or a text file would be refused as "not bytes".
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: 2 * EVIDENCE_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/assessments/:code/units/:unit/evidence",
    {
      schema: {
        tags,
        summary:
          "Thêm tài liệu kiểm chứng (số, ngày, trích yếu, đường dẫn) / Add a document reference or link (the unit's reporter)",
        params: unitParams,
        body: evidenceBody,
        response: { 201: evidenceOut },
      },
    },
    async (request, reply) => {
      const { code, unit } = request.params;
      const view = await addEvidence(
        app.db,
        actorOf(request),
        principalOf(request),
        code,
        unit,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    "/assessments/:code/units/:unit/evidence/file",
    {
      bodyLimit: 2 * EVIDENCE_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Tải lên tệp kiểm chứng (PDF, Office, ảnh; tối đa 5 MB) / Upload an evidence file as the raw body (PDF, Office, images; 5 MB)",
        params: unitParams,
        querystring: fileQuery,
        consumes: ["application/octet-stream", "application/pdf", "image/png", "image/jpeg"],
        body: z.custom<Buffer>(
          (v) => Buffer.isBuffer(v),
          "Nội dung tệp phải là dữ liệu nhị phân|The file must be sent as raw bytes",
        ),
        response: { 201: evidenceOut },
      },
    },
    async (request, reply) => {
      const { code, unit } = request.params;
      const { name, ...fields } = request.query;
      const view = await uploadEvidenceFile(app.db, actorOf(request), principalOf(request), code, unit, {
        ...fields,
        fileName: name,
        declaredType: request.headers["content-type"],
        bytes: request.body,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/assessments/:code/evidence/:id/file",
    {
      schema: {
        tags,
        summary:
          "Tải tệp kiểm chứng (luôn là tệp đính kèm) / Download an evidence file (always as an attachment)",
        params: evidenceParams,
        produces: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const file = await downloadEvidence(
        app.db,
        principalOf(request),
        request.params.code,
        request.params.id,
      );
      // Never rendered by the browser from our origin, whatever the bytes are.
      return reply
        .header("Content-Disposition", attachmentHeader(file.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Digest", `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`)
        .type(file.contentType)
        .send(file.content);
    },
  );

  app.delete(
    "/assessments/:code/evidence/:id",
    {
      schema: {
        tags,
        summary: "Xóa tài liệu kiểm chứng / Remove an evidence item (the unit's reporter, while a draft)",
        params: evidenceParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteEvidence(
        app.db,
        actorOf(request),
        principalOf(request),
        request.params.code,
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );
};
