import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { locateFieldPaths, namesRequestFields } from "./field-paths.ts";
import { hostileInput } from "./text-guard.ts";
import { RequestValidationError, zodIssuesToFieldIssues } from "./zod-validation.ts";

type ValidationContext = { validationContext?: string };

/** Maps every failure to one JSON shape; nothing but a real bug becomes a 500. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    const context = (error as RequestValidationError & ValidationContext).validationContext;
    return new AppError("VALIDATION_FAILED", {}, zodIssuesToFieldIssues(error.issues, context));
  }
  const fe = error as FastifyError;
  switch (fe?.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("MALFORMED_JSON", {}, [fieldIssue("body", "JSON không hợp lệ", fe.message)]);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("UNSUPPORTED_MEDIA_TYPE");
  }
  if (error instanceof SyntaxError && fe?.statusCode === 400) return new AppError("MALFORMED_JSON");
  if (typeof fe?.statusCode === "number" && fe.statusCode === 413) return new AppError("PAYLOAD_TOO_LARGE");
  return null;
}

/**
 * The answer to a request Fastify refuses before any route sees it (a path that is not valid
 * percent-encoded UTF-8, `/api/units/%FF`): our 400, naming the URL.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const refused = new AppError("VALIDATION_FAILED", {}, [
    fieldIssue("url", "Địa chỉ không hợp lệ", `Not a valid URL: ${error.message}`),
  ]);
  reply.status(400).send(refused.toJSON());
}

/** An error whose field paths name the request part they are in (src/http/field-paths.ts). */
function located(error: AppError, request: FastifyRequest): AppError {
  if (!namesRequestFields(error.code)) return error;
  const details = locateFieldPaths(error.details, request);
  return details.every((d, i) => d.path === error.details[i]?.path)
    ? error
    : new AppError(error.code, error.params, details, error.body);
}

export function installErrorHandling(app: FastifyInstance): void {
  // Text PostgreSQL cannot store (NUL, lone surrogates) and absurd nesting are refused at the
  // edge, naming the field, before any schema, service or query sees them.
  app.addHook("preValidation", async (request) => {
    const parts = [
      ["body", request.body],
      ["querystring", request.query],
      ["params", request.params],
    ] as const;
    for (const [name, value] of parts) {
      const issue = hostileInput(value, name);
      if (issue) throw invalid(issue);
    }
  });
  app.setErrorHandler((error, request, reply) => {
    const found = toAppError(error);
    const known = found ? located(found, request) : found;
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.code);
      return reply.status(known.status).send(known.toJSON());
    }
    request.log.error({ err: error }, "unhandled error");
    const internal = new AppError("INTERNAL");
    return reply.status(500).send(internal.toJSON());
  });
  app.setNotFoundHandler((_request, reply) => {
    const e = new AppError("ROUTE_NOT_FOUND");
    return reply.status(404).send(e.toJSON());
  });
}
