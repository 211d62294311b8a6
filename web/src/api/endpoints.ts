/**
 * Every API endpoint the web application calls, as "METHOD /path" in the OpenAPI document's
 * spelling. `npm run api:types` writes their request and response types to schema.d.ts from the
 * OpenAPI document; a test checks that each exists there and that schema.d.ts is up to date.
 * Calling an endpoint not listed here is a type error: add it, then run `npm run api:types`.
 */
export const endpoints = [
  "GET /api/demo",
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "GET /api/auth/me",
  "GET /api/ioc/summary",
  "GET /api/ioc/periods",
  "GET /api/worklist",
  "GET /api/units/{code}",
  "GET /api/forms/{code}",
  "GET /api/forms/{code}/template.xlsx",
  "POST /api/forms/{code}/template.xlsx",
  "GET /api/submissions",
  "GET /api/submissions/{id}",
  "PUT /api/submissions",
  "POST /api/submissions/{id}/submit",
  "POST /api/submissions/{id}/approve",
  "POST /api/submissions/{id}/return",
  "GET /api/plans",
  "GET /api/plans/{code}",
  "GET /api/plans/{code}/status",
  "GET /api/plans/{code}/indicators/{indicator}/history",
  "GET /api/plans/{code}/report",
] as const;

export type Endpoint = (typeof endpoints)[number];
