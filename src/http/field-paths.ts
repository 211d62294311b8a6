import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { FieldIssue } from "../errors/app-error.ts";

/** The request parts a 400's field path starts with (docs/api.md, "Errors"). */
const PARTS = ["body", "querystring", "params", "headers", "url"] as const;

const named = (path: string) => PARTS.some((part) => path === part || path.startsWith(`${part}.`));

/** A parsed JSON object or array (not a file upload, which arrives as text, bytes or a stream). */
function fields(value: unknown): Record<string, unknown> | null {
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value) || value instanceof Readable) {
    return null;
  }
  return value as Record<string, unknown>;
}

/**
 * One style for every refusal that names fields of the request: a field path names the part of
 * the request it is in, `body.reason`, `querystring.period`, `params.code`, as the schema checks
 * already do. The services name fields
 * without the part (the command line and the importers use them too); here, where the request is
 * known, each such path gets the part that holds its first segment: the body's field, else the
 * query's, else the route's; a field that is missing, or a place inside an uploaded file
 * (`rows.5.parentCode`, `file`), belongs to the body when the request has one, else to the query.
 */
export function locateFieldPath(
  path: string,
  request: Pick<FastifyRequest, "body" | "query" | "params">,
): string {
  if (named(path)) return path;
  const first = path.split(".")[0] ?? "";
  const body = fields(request.body);
  const part =
    body && first in body
      ? "body"
      : first in (fields(request.query) ?? {})
        ? "querystring"
        : first in (fields(request.params) ?? {})
          ? "params"
          : request.body !== undefined && request.body !== null
            ? "body"
            : "querystring";
  return path === "file" || path === "" ? part : `${part}.${path}`;
}

/**
 * Errors whose details name what is stored or what a file holds, not a field of the request: the
 * rules a report fails (`rules.CODE`, `metrics.CODE`), the criteria or units an assessment still
 * lacks (`criteria.CODE`), the rows of an import (`rows.5.parentCode`, as in its summary).
 */
const NAMES_STORED = new Set(["RULES_FAILED", "ASSESSMENT_INCOMPLETE", "IMPORT_REJECTED"]);

export const namesRequestFields = (code: string): boolean => !NAMES_STORED.has(code);

export function locateFieldPaths(
  details: readonly FieldIssue[],
  request: Pick<FastifyRequest, "body" | "query" | "params">,
): FieldIssue[] {
  return details.map((d) => ({ ...d, path: locateFieldPath(d.path, request) }));
}
