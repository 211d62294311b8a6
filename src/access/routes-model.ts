import { type Role, roles } from "./principal.ts";

/**
 * How far a route's power reaches (docs/security.md):
 * - `public`: no session needed (health, login, the first run);
 * - `signed-in`: what every signed-in user reads alike (units, forms, metrics, frameworks);
 * - `self`: the caller's own things (its session, tokens, jobs, worklist);
 * - `subtree`: the units (and their reports, users, plans, assessments) in the subtree of the
 *   caller's grants for one of the roles; the service refuses a unit outside with 403
 *   OUT_OF_SCOPE, or filters a list to the subtree;
 * - `province`: what the whole province shares; only a province admin (an admin grant on a root).
 */
export type AccessScope = "public" | "signed-in" | "self" | "subtree" | "province";

export interface RouteRule {
  /** What the route does, in a few words (the table of docs/security.md). */
  action: string;
  /** The roles that may call it (admin acts in every role); `any` needs no grant at all. */
  roles: readonly Role[] | "any";
  scope: AccessScope;
}

const all = roles;
const admin = ["admin"] as const;
const rule = (action: string, who: readonly Role[] | "any", scope: AccessScope): RouteRule => ({
  action,
  roles: who,
  scope,
});
const open = (action: string) => rule(action, "any", "public");
const shared = (action: string) => rule(action, "any", "signed-in");
const own = (action: string) => rule(action, "any", "self");
const province = (action: string) => rule(action, admin, "province");
const inSubtree = (action: string, who: readonly Role[] | "any") => rule(action, who, "subtree");

/**
 * The permission model of every API route, keyed `METHOD /path` as in the OpenAPI document.
 * The app refuses to start with a route missing here, and one hook (src/access/enforce.ts)
 * enforces the roles and the province scope before the route runs; the services check the unit
 * of each request against the caller's subtree.
 */
export const routesModel: Readonly<Record<string, RouteRule>> = {
  "GET /api/openapi.json": open("read the API description"),
  "GET /api/health": open("check the server is up"),
  "GET /api/health/live": open("check the process answers (liveness)"),
  "GET /api/health/ready": open("check the database and migrations (readiness)"),
  "GET /api/demo": open("read the demo logins"),
  "GET /api/setup": open("ask whether the first run is done"),
  "POST /api/setup": open("do the first run"),
  "POST /api/auth/login": open("sign in"),
  "POST /api/auth/logout": open("sign out"),
  "POST /api/auth/password-link": open("set one's password with a one-time link"),
  "GET /api/auth/me": own("read one's own account"),
  "GET /api/auth/tokens": own("list one's API tokens"),
  "POST /api/auth/tokens": own("create an API token"),
  "DELETE /api/auth/tokens/{id}": own("revoke an API token"),
  "GET /api/users": inSubtree("list users", admin),
  "POST /api/users": inSubtree("create a user", admin),
  "PATCH /api/users/{id}": inSubtree("activate, deactivate, change grants", admin),
  "POST /api/users/import": inSubtree("import a user list", admin),
  "POST /api/users/{id}/password-link": inSubtree("issue a one-time password link", admin),
  "POST /api/units/import": inSubtree("import a unit list", admin),
  "POST /api/units/reform": province("apply a reorganisation of units"),
  "GET /api/units": shared("read units"),
  "POST /api/units": inSubtree("create a unit", admin),
  "GET /api/units/{code}": shared("read a unit"),
  "POST /api/units/{code}/move": inSubtree("move a unit", admin),
  "POST /api/units/{code}/close": inSubtree("close a unit", admin),
  "GET /api/analytics": inSubtree("read analytics", "any"),
  "GET /api/metrics": shared("read metrics"),
  "POST /api/metrics": province("create a metric"),
  "GET /api/metrics/{code}": shared("read a metric"),
  "PATCH /api/metrics/{code}": province("change a metric"),
  "GET /api/forms": shared("read forms"),
  "POST /api/forms": province("create a form"),
  "GET /api/forms/{code}": shared("read a form"),
  "PUT /api/forms/{code}/units": province("set the units of a form"),
  "PUT /api/forms/{code}/metrics": province("change a form's metrics and rules from a period"),
  "POST /api/forms/{code}/rules": province("add a rule to a form"),
  "DELETE /api/forms/{code}/rules/{rule}": province("delete a rule of a form"),
  "GET /api/setup/bundle": province("export forms with their metrics and rules as a setup bundle"),
  "POST /api/setup/bundle": province("import a setup bundle (forms, metrics, rules)"),
  "GET /api/forms/{code}/template.xlsx": inSubtree("download a unit's Excel template", all),
  "POST /api/forms/{code}/template.xlsx": inSubtree("upload a filled Excel template", ["reporter"]),
  "GET /api/submissions": inSubtree("list reports", "any"),
  "PUT /api/submissions": inSubtree("enter, save a report", ["reporter"]),
  "GET /api/submissions/{id}": inSubtree("read a report", all),
  "POST /api/submissions/{id}/submit": inSubtree("submit a report", ["reporter"]),
  "POST /api/submissions/{id}/approve": inSubtree("approve a report", ["approver"]),
  "POST /api/submissions/decisions": inSubtree("approve, return reports in bulk", ["approver"]),
  "POST /api/submissions/{id}/return": inSubtree("return a report", ["approver"]),
  "POST /api/submissions/{id}/reopen": inSubtree("reopen a locked report", admin),
  "GET /api/submissions/{id}/quality": inSubtree("read a report's data-quality flags", all),
  "GET /api/quality/outliers": inSubtree("list outliers of a form and period", "any"),
  "PUT /api/quality/follow-ups": inSubtree("confirm or mark corrected a flagged value", ["approver"]),
  "GET /api/completeness": inSubtree("read completeness", all),
  "GET /api/completeness/periods": inSubtree("read completeness over periods", all),
  "GET /api/dataValueSets": inSubtree("export values (JSON)", all),
  "POST /api/dataValueSets": inSubtree("import values (JSON)", ["reporter"]),
  "GET /api/dataValueSets.csv": inSubtree("export values (CSV)", all),
  "POST /api/dataValueSets.csv": inSubtree("import values (CSV)", ["reporter"]),
  "GET /api/plans": inSubtree("list plans", "any"),
  "POST /api/plans": inSubtree("create a plan", admin),
  "GET /api/plans/{code}": inSubtree("read a plan", all),
  "PATCH /api/plans/{code}": inSubtree("change a plan", admin),
  "POST /api/plans/{code}/pillars": inSubtree("add a pillar to a plan", admin),
  "POST /api/plans/{code}/pillars/{pillar}/figures": inSubtree("record a pillar's figures", admin),
  "POST /api/plans/{code}/documents": inSubtree("attach a document to a plan", admin),
  "GET /api/plans/{code}/status": inSubtree("read a plan's statuses", all),
  "GET /api/plans/{code}/report-data": inSubtree("read a plan's report data", all),
  "POST /api/plans/{code}/indicators": inSubtree("add an indicator to a plan", admin),
  "GET /api/plans/{code}/indicators/{indicator}": inSubtree("read an indicator", all),
  "PATCH /api/plans/{code}/indicators/{indicator}": inSubtree("change an indicator", admin),
  "POST /api/plans/{code}/indicators/{indicator}/progress": inSubtree("report progress", [
    "reporter",
    "approver",
  ]),
  "GET /api/plans/{code}/indicators/{indicator}/evidence/{id}": inSubtree("download evidence", all),
  "POST /api/plans/{code}/indicators/{indicator}/declarations": inSubtree("declare a status", ["approver"]),
  "POST /api/plans/{code}/indicators/{indicator}/overrides": inSubtree("override a status", ["approver"]),
  "GET /api/plans/{code}/indicators/{indicator}/history": inSubtree("read an indicator's history", all),
  "GET /api/plans/{code}/report": inSubtree("download a plan's report", all),
  "GET /api/report-templates": province("read report templates"),
  "PUT /api/report-templates/{key}/{lang}": province("change a report template"),
  "DELETE /api/report-templates/{key}/{lang}": province("reset a report template"),
  "POST /api/index-frameworks": province("create an index framework"),
  "GET /api/index-frameworks": shared("read index frameworks"),
  "POST /api/index-frameworks.xlsx": province("upload an index framework"),
  "GET /api/index-frameworks/{code}": shared("read an index framework"),
  "POST /api/assessments": inSubtree("create an assessment", admin),
  "GET /api/assessments": shared("list assessments"),
  "GET /api/assessments/{code}": shared("read an assessment"),
  "POST /api/assessments/{code}/start": inSubtree("open self-assessment", admin),
  "POST /api/assessments/{code}/close-self-assessment": inSubtree("close self-assessment", admin),
  "POST /api/assessments/{code}/close-appraisal": inSubtree("close appraisal", admin),
  "POST /api/assessments/{code}/finalise": inSubtree("finalise results", admin),
  "POST /api/assessments/{code}/publish": inSubtree("publish results", admin),
  "POST /api/assessments/{code}/reopen": inSubtree("reopen an assessment", admin),
  "PUT /api/assessments/{code}/units/{unit}/values": inSubtree("enter a unit's self-assessment", [
    "reporter",
  ]),
  "POST /api/assessments/{code}/units/{unit}/refresh": inSubtree("refresh a unit's figures", ["reporter"]),
  "POST /api/assessments/{code}/units/{unit}/submit": inSubtree("submit a self-assessment", ["approver"]),
  "POST /api/assessments/{code}/units/{unit}/reopen": inSubtree("reopen a unit's self-assessment", admin),
  "PUT /api/assessments/{code}/units/{unit}/appraisal": inSubtree("appraise a unit", ["appraiser"]),
  "PUT /api/assessments/{code}/units/{unit}/council": inSubtree("decide as the council", admin),
  "POST /api/assessments/{code}/units/{unit}/evidence": inSubtree("add evidence", ["reporter"]),
  "POST /api/assessments/{code}/units/{unit}/evidence/file": inSubtree("upload evidence", ["reporter"]),
  "GET /api/assessments/{code}/evidence/{id}/file": inSubtree("download evidence", all),
  "DELETE /api/assessments/{code}/evidence/{id}": inSubtree("delete evidence", ["reporter"]),
  "GET /api/assessments/{code}/ranking": inSubtree("read a ranking", "any"),
  "GET /api/assessments/{code}/ranking.md": inSubtree("download a ranking (Markdown)", "any"),
  "GET /api/assessments/{code}/ranking.xlsx": inSubtree("download a ranking (Excel)", "any"),
  "GET /api/assessments/{code}/ranking.docx": inSubtree("download a ranking (Word)", "any"),
  "GET /api/assessments/{code}/units/{unit}/scorecard": inSubtree("read a scorecard", "any"),
  "GET /api/assessments/{code}/units/{unit}/scorecard.md": inSubtree("download a scorecard", "any"),
  "GET /api/assessments/{code}/units/{unit}/scorecard.xlsx": inSubtree("download a scorecard", "any"),
  "GET /api/assessments/{code}/appraisal": inSubtree("read the appraisal sheet", ["appraiser"]),
  "GET /api/audit": inSubtree("read the audit trail", admin),
  "GET /api/ioc/periods": inSubtree("read the leaders' screen periods", "any"),
  "GET /api/ioc/summary": inSubtree("read the leaders' screen", "any"),
  "PUT /api/map/boundaries/{level}": province("upload map boundaries"),
  "GET /api/map/boundaries/{level}": inSubtree("read map boundaries", "any"),
  "DELETE /api/map/boundaries/{level}": province("delete map boundaries"),
  "GET /api/worklist": own("read one's worklist"),
  "GET /api/notifications": own("read one's notifications"),
  "GET /api/notifications/unread-count": own("count one's unread notifications"),
  "POST /api/notifications/read": own("mark one's notifications read"),
  "GET /api/notifications/settings": own("read one's notice settings"),
  "PUT /api/notifications/settings": own("change one's notice settings"),
  "GET /api/notifications/admin/upcoming": inSubtree("read the notices the next sweeps will send", admin),
  "GET /api/notifications/admin/log": inSubtree("read the sent log of notices", admin),
  "POST /api/notifications/admin/log/{id}/resend": inSubtree("send a notice's e-mail again", admin),
  "POST /api/notifications/remind": inSubtree("remind units' reporters now", ["approver"]),
  "GET /api/notifications/webhook": province("read the notice webhook"),
  "PUT /api/notifications/webhook": province("change the notice webhook"),
  "GET /api/forms/{code}/notice-settings": province("read a form's reminder settings"),
  "PUT /api/forms/{code}/notice-settings": province("change a form's reminder settings"),
  "POST /api/jobs/imports": inSubtree("import values in the background", ["reporter"]),
  "POST /api/jobs/reports": inSubtree("build a plan's report in the background", all),
  "GET /api/jobs": own("list one's jobs (an admin: those of the users it manages)"),
  "GET /api/jobs/{id}": own("read a job"),
  "GET /api/jobs/{id}/file": own("download a job's file"),
};

/** The model's key of a Fastify route: `/api/users/:id` becomes `/api/users/{id}`. */
export function routeKey(method: string, url: string): string {
  const m = method === "HEAD" ? "GET" : method;
  return `${m} ${url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`;
}
