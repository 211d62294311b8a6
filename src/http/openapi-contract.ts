import type { SwaggerTransformObject } from "@fastify/swagger";
import { routesModel } from "../access/routes-model.ts";
import { errorCatalogue } from "../errors/catalogue.ts";
import { totalHeader } from "./paging.ts";
import { limitedRoutes } from "./rate-limit.ts";

/**
 * The finishing pass over the OpenAPI document the zod contracts produce (docs/api.md, "The
 * contract"): a stable `operationId` per operation, the error shape as the component `Error`
 * referenced from every 4xx answer an operation can give, a server, and nullable unions that are
 * valid OpenAPI 3.0. One place, so every route gets it without declaring anything.
 */
type Json = Record<string, unknown>;
interface Operation extends Json {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses?: Record<string, Json>;
}

const methods = ["get", "put", "post", "patch", "delete"] as const;

/** `GET /api/units/{code}/move` → `getUnitsByCodeMove`; `GET /api/dataValueSets.csv` → `getDataValueSetsCsv`. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/?/, "")
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? ["by", param[1] as string] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [method.toLowerCase(), ...words.map(upper)].join("");
}

const codesByStatus = new Map<number, string[]>();
for (const [code, { status }] of Object.entries(errorCatalogue)) {
  codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
}

const errorSchema = {
  type: "object",
  description: "Every error: a stable code, the message in Vietnamese and English, the fields at fault.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "message_en", "details"],
      properties: {
        code: { type: "string", enum: Object.keys(errorCatalogue) },
        message: { type: "string", description: "Vietnamese" },
        message_en: { type: "string", description: "English" },
        details: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message", "message_en"],
            properties: {
              path: { type: "string", example: "body.validFrom" },
              message: { type: "string" },
              message_en: { type: "string" },
              code: { type: "string" },
              metric: {
                type: "string",
                description: "The metric code a report value's problem is about",
                example: "CDS_01",
              },
            },
          },
        },
      },
    },
  },
};

const writes = new Set(["put", "post", "patch", "delete"]);
/** Routes whose rules refuse a state (422: rules failed, template rejected, no approved data). */
const refusing = [
  /^(put|post) \/api\/submissions/,
  /^post \/api\/forms\/\{code\}\/template/,
  /^get \/api\/plans\/.*report/,
];
/** Routes that meet locked periods or closed steps (423). */
const locking = [
  /^(put|post) \/api\/(submissions|dataValueSets|jobs\/imports|forms\/\{code\}\/template)/,
  /^(put|post|delete) \/api\/assessments\/\{code\}\//,
];

/**
 * The 4xx statuses an operation can answer, from its inputs, its access rule and its kind
 * (test/openapi-fuzz.test.ts fails on an answer whose status is not listed).
 */
export function errorStatuses(method: string, path: string, op: Operation): number[] {
  const key = `${method.toUpperCase()} ${path}`;
  const scope = routesModel[key]?.scope ?? "public";
  const lower = `${method} ${path}`;
  const write = writes.has(method);
  const rules: [boolean, number][] = [
    // Every query string and body is checked (hostile text, malformed JSON), declared or not.
    [true, 400],
    [scope !== "public" || key === "POST /api/auth/login", 401],
    [scope === "subtree" || scope === "province", 403],
    // A unit, form or plan named in the path or the query may not exist.
    [(op.parameters ?? []).some((p) => p.in === "path" || p.in === "query"), 404],
    [write && (scope !== "public" || key === "POST /api/setup"), 409],
    // A body can be sent to any write: too large, or of a type the route does not read.
    [write, 413],
    [write, 415],
    [refusing.some((r) => r.test(lower)), 422],
    [locking.some((r) => r.test(lower)), 423],
    [
      limitedRoutes.has(key) || key === "POST /api/auth/login" || key === "POST /api/notifications/remind",
      429,
    ],
  ];
  return rules.filter(([applies]) => applies).map(([, status]) => status);
}

/** A list paged by `?limit=&offset=` documents the `X-Total-Count` header of its answer. */
function documentTotal(op: Operation): void {
  const ok = op.responses?.["200"];
  if (!ok || !op.parameters?.some((p) => p.in === "query" && p.name === "offset")) return;
  ok.headers = {
    [totalHeader]: {
      description: "How many items the whole list holds (every page) / Tổng số mục của cả danh sách",
      schema: { type: "integer", minimum: 0 },
    },
  };
}

function errorResponse(status: number) {
  const codes = codesByStatus.get(status) ?? [];
  return {
    description: `Error: ${codes.map((c) => `\`${c}\``).join(", ")}`,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
}

/** OpenAPI 3.0 allows `nullable` only beside `type`: a nullable union carries it on each branch. */
function nullableUnions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullableUnions(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as Json;
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (schema.nullable === true && schema.type === undefined && union) {
    delete schema.nullable;
    for (const branch of union) if (branch.type !== undefined) branch.nullable = true;
  }
  for (const value of Object.values(schema)) nullableUnions(value);
}

/** The `transformObject` of @fastify/swagger: the document, finished. */
export const finishContract: SwaggerTransformObject = (document) => {
  const doc = ("openapiObject" in document ? document.openapiObject : document.swaggerObject) as Json & {
    paths?: Record<string, Record<string, Operation>>;
    components?: Json;
  };
  nullableUnions(doc.paths);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      op.operationId = operationId(method, path);
      documentTotal(op);
      const responses = op.responses ?? {};
      for (const status of errorStatuses(method, path, op))
        responses[String(status)] ??= errorResponse(status);
      op.responses = responses;
    }
  }
  const components = (doc.components ?? {}) as Json & { schemas?: Json };
  doc.components = { ...components, schemas: { ...components.schemas, Error: errorSchema } };
  if (!Array.isArray(doc.servers) || doc.servers.length === 0) {
    doc.servers = [{ url: "/", description: "this server" }];
  }
  return doc as ReturnType<SwaggerTransformObject>;
};
