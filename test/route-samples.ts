import { SAMPLE_FRAMEWORK } from "../src/domain/index-scoring/index.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { testPassword } from "./harness.ts";

/**
 * One request per API route for the generated access matrix (test/access-model.test.ts). A
 * sample with `inD1` names something inside district D1 (its report, its unit, its plan), so a
 * caller granted on D2 is out of scope there; a sample without it reads a list (filtered to
 * the caller's subtree), the caller's own things, or what every signed-in user shares.
 * Routes without a sample here are called with placeholder path parameters and no body.
 */
export interface Sample {
  url: string;
  payload?: object;
  inD1?: boolean;
  /** A thing of the victim (a viewer of C11): only its own user and the admins over C11 reach it. */
  victims?: boolean;
  /** A list filtered to the caller's subtree: this text (of something in D1) never shows on D2. */
  hidden?: string;
  /** The code with which the thing's state refuses an in-scope read (a rule beyond the scope). */
  stateCode?: string;
  /** Raw bytes of this type instead of JSON (an uploaded file). */
  contentType?: string;
}

export interface Fixture {
  report: number;
  victim: number;
  /** Evidence of D1 in the assessment DTI-D1, and a finished job (with a file) of the victim. */
  evidence: number;
  job: number;
  /** The progress evidence (a file) of the district plan's milestone M-01. */
  planEvidence: number;
}

/** The index assessment of district D1 alone (group HUYEN), open for self-assessment. */
export const districtAssessment = {
  code: "DTI-D1",
  selfAssessmentDue: "2026-01-31",
  appraisalDue: "2026-03-31",
  units: [{ unit: "D1", group: "HUYEN" }],
  verifiers: { "6.1": "SNV" },
};

const period = lastMonth();
let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}`;
const draft = {
  form: "CDS_XA",
  unit: "C11",
  period,
  values: [{ metric: "RECEIVED", value: 3 }],
  narrative: {},
};
const plan = "/api/plans/KH-D1";
const indicator = `${plan}/indicators/M-01`;

/** A plan of district D1: D1 reports it and leads its milestone M-01. */
export const districtPlan = {
  code: "KH-D1",
  nameVi: "Kế hoạch huyện Một",
  year: 2026,
  status: "active",
  issuingBodyVi: "Ủy ban nhân dân huyện Một",
  reportingUnitCode: "D1",
  scopeUnitCode: "D1",
};

export const districtMilestone = {
  code: "M-01",
  pillar: "A",
  nameVi: "Đưa vào vận hành hệ thống thử",
  kind: "milestone",
  target: 1,
  baseline: 0,
  baselineDate: "2025-12-31",
  deadline: "2026-12-31",
  source: "progress",
  responsibleUnits: ["D1"],
};

export function samples(f: Fixture): Record<string, () => Sample> {
  const report = `/api/submissions/${f.report}`;
  return {
    "POST /api/auth/login": () => ({
      url: "/api/auth/login",
      payload: { username: "victim", password: testPassword },
    }),
    "POST /api/users": () => ({
      url: "/api/users",
      payload: {
        username: unique("user"),
        displayName: "Người mới",
        password: "mat-khau-dai-du",
        grants: [{ role: "viewer", unitCode: "C11" }],
      },
      inD1: true,
    }),
    "PATCH /api/users/{id}": () => ({ url: `/api/users/${f.victim}`, payload: { active: true }, inD1: true }),
    "POST /api/units": () => ({
      url: "/api/units",
      payload: {
        code: unique("N"),
        nameVi: "Xã Mới",
        kind: "territorial",
        type: "xã",
        parentCode: "D1",
        validFrom: "2024-01-01",
      },
      inD1: true,
    }),
    "GET /api/units/{code}": () => ({ url: "/api/units/C11" }),
    "POST /api/units/{code}/move": () => ({
      url: "/api/units/C12/move",
      payload: { parentCode: "D1", date: "2026-11-01" },
      inD1: true,
    }),
    "POST /api/units/{code}/close": () => ({
      url: "/api/units/C12/close",
      payload: { date: "2030-01-01", kind: "rename", successorCodes: [] },
      inD1: true,
    }),
    "GET /api/analytics": () => ({
      url: `/api/analytics?dimension=dx:RECEIVED&dimension=pe:${period}&dimension=ou:C11`,
      inD1: true,
    }),
    "GET /api/metrics/{code}": () => ({ url: "/api/metrics/RECEIVED" }),
    "GET /api/forms/{code}": () => ({ url: "/api/forms/CDS_XA" }),
    "GET /api/forms/{code}/template.xlsx": () => ({
      url: `/api/forms/CDS_XA/template.xlsx?unit=C11&period=${period}`,
      inD1: true,
    }),
    "PUT /api/submissions": () => ({ url: "/api/submissions", payload: draft, inD1: true }),
    "GET /api/submissions/{id}": () => ({ url: report, inD1: true }),
    "POST /api/submissions/{id}/submit": () => ({
      url: `${report}/submit`,
      payload: { version: 99 },
      inD1: true,
    }),
    "POST /api/submissions/{id}/approve": () => ({
      url: `${report}/approve`,
      payload: { version: 99 },
      inD1: true,
    }),
    "POST /api/submissions/{id}/return": () => ({
      url: `${report}/return`,
      payload: { version: 99, reason: "Sai" },
      inD1: true,
    }),
    "POST /api/submissions/{id}/reopen": () => ({
      url: `${report}/reopen`,
      payload: { version: 99, reason: "Sửa", days: 3 },
      inD1: true,
    }),
    "GET /api/submissions/{id}/quality": () => ({ url: `${report}/quality`, inD1: true }),
    "GET /api/quality/outliers": () => ({
      url: `/api/quality/outliers?form=CDS_XA&period=${period}&unit=D1`,
      inD1: true,
    }),
    "PUT /api/quality/follow-ups": () => ({
      url: "/api/quality/follow-ups",
      payload: { submission: f.report, metric: "RECEIVED", status: "confirmed", note: "Đúng" },
      inD1: true,
    }),
    "GET /api/users": () => ({ url: "/api/users", hidden: '"victim"' }),
    "GET /api/submissions": () => ({ url: "/api/submissions", hidden: '"C11"' }),
    "GET /api/plans": () => ({ url: "/api/plans", hidden: '"KH-D1"' }),
    "GET /api/audit": () => ({ url: "/api/audit", hidden: "KH-D1" }),
    "GET /api/notifications/admin/upcoming": () => ({ url: "/api/notifications/admin/upcoming?days=3" }),
    "GET /api/notifications/admin/log": () => ({ url: "/api/notifications/admin/log?status=failed" }),
    "POST /api/notifications/admin/log/{id}/resend": () => ({
      url: "/api/notifications/admin/log/999999/resend",
    }),
    "POST /api/notifications/remind": () => ({
      url: "/api/notifications/remind",
      payload: { form: "CDS_XA", period, units: ["C11"] },
      inD1: true,
    }),
    "PUT /api/notifications/webhook": () => ({
      url: "/api/notifications/webhook",
      payload: { url: "http://127.0.0.1:9/hook", secret: "khoa-bi-mat-thu-nghiem", enabled: false },
    }),
    "GET /api/forms/{code}/notice-settings": () => ({ url: "/api/forms/CDS_XA/notice-settings" }),
    "PUT /api/forms/{code}/notice-settings": () => ({
      url: "/api/forms/CDS_XA/notice-settings",
      payload: { remindDaysBefore: [3, 1], escalateAfterDays: 3, escalateProvinceAfterDays: 7 },
    }),
    "GET /api/completeness/periods": () => ({
      url: `/api/completeness/periods?form=CDS_XA&from=${period}&to=${period}&unit=D1`,
      inD1: true,
    }),
    "GET /api/completeness": () => ({
      url: `/api/completeness?form=CDS_XA&period=${period}&unit=D1`,
      inD1: true,
    }),
    "GET /api/dataValueSets": () => ({
      url: `/api/dataValueSets?dataSet=CDS_XA&period=${period}&orgUnit=C11`,
      inD1: true,
    }),
    "GET /api/dataValueSets.csv": () => ({
      url: `/api/dataValueSets.csv?dataSet=CDS_XA&period=${period}&orgUnit=C11`,
      inD1: true,
    }),
    "POST /api/plans": () => ({
      url: "/api/plans",
      payload: { ...districtPlan, code: unique("KH") },
      inD1: true,
    }),
    "GET /api/plans/{code}": () => ({ url: plan, inD1: true }),
    "PATCH /api/plans/{code}": () => ({ url: plan, payload: { nameVi: "Kế hoạch huyện Một" }, inD1: true }),
    "POST /api/plans/{code}/pillars": () => ({
      url: `${plan}/pillars`,
      payload: { code: unique("P"), nameVi: "Trụ cột" },
      inD1: true,
    }),
    "GET /api/plans/{code}/status": () => ({ url: `${plan}/status?period=${period}`, inD1: true }),
    "GET /api/plans/{code}/report-data": () => ({
      url: `${plan}/report-data?period=${period}`,
      inD1: true,
      stateCode: "NO_APPROVED_DATA",
    }),
    "POST /api/plans/{code}/indicators": () => ({
      url: `${plan}/indicators`,
      payload: { ...districtMilestone, code: unique("M-") },
      inD1: true,
    }),
    "GET /api/plans/{code}/indicators/{indicator}": () => ({ url: indicator, inD1: true }),
    "PATCH /api/plans/{code}/indicators/{indicator}": () => ({
      url: indicator,
      payload: { nameVi: "Đưa vào vận hành hệ thống thử" },
      inD1: true,
    }),
    "POST /api/plans/{code}/indicators/{indicator}/progress": () => ({
      url: `${indicator}/progress`,
      payload: { period, value: 0 },
      inD1: true,
    }),
    "POST /api/plans/{code}/pillars/{pillar}/figures": () => ({
      url: `${plan}/pillars/A/figures`,
      payload: { code: "RECEIVED" },
      inD1: true,
    }),
    "POST /api/plans/{code}/documents": () => ({
      url: `${plan}/documents`,
      payload: { number: "1/KH-UBND", date: "2026-01-05", issuerVi: "UBND huyện", summaryVi: "Kế hoạch" },
      inD1: true,
    }),
    "POST /api/plans/{code}/indicators/{indicator}/declarations": () => ({
      url: `${indicator}/declarations`,
      payload: { kind: "dependent", body: "Sở", reason: "Chờ", fromPeriod: period },
      inD1: true,
    }),
    "POST /api/plans/{code}/indicators/{indicator}/overrides": () => ({
      url: `${indicator}/overrides`,
      payload: { period, status: "likely", reason: "Đang làm" },
      inD1: true,
    }),
    "GET /api/plans/{code}/indicators/{indicator}/evidence/{id}": () => ({
      url: `${indicator}/evidence/${f.planEvidence}`,
      inD1: true,
    }),
    "POST /api/users/{id}/password-link": () => ({ url: `/api/users/${f.victim}/password-link`, inD1: true }),
    "GET /api/plans/{code}/indicators/{indicator}/history": () => ({
      url: `${indicator}/history?to=${period}`,
      inD1: true,
    }),
    "GET /api/plans/{code}/report": () => ({ url: `${plan}/report?period=${period}`, inD1: true }),
    "GET /api/ioc/summary": () => ({ url: `/api/ioc/summary?plan=KH-D1&period=${period}`, inD1: true }),
    "POST /api/jobs/reports": () => ({
      url: "/api/jobs/reports",
      payload: { plan: "KH-D1", period, format: "md" },
      inD1: true,
    }),
    "GET /api/jobs/{id}": () => ({ url: `/api/jobs/${f.job}`, victims: true }),
    "GET /api/jobs/{id}/file": () => ({ url: `/api/jobs/${f.job}/file`, victims: true }),
    ...assessmentSamples(f),
  };
}

const A = `/api/assessments/${districtAssessment.code}`;
const unitOfA = `${A}/units/D1`;
/** A criterion the districts answer: a yes/no of the sample framework. */
export const districtCriterion = "2.1";

/** The assessment routes on DTI-D1 and its unit D1: each a thing inside D1. */
function assessmentSamples(f: Fixture): Record<string, () => Sample> {
  const inD1 =
    (url: string, payload?: object): (() => Sample) =>
    () => ({ url, payload, inD1: true });
  // Before publication only the admins over the assessment read its ranking.
  const unpublished = (url: string) => () => ({ url, inD1: true, stateCode: "RESULTS_NOT_PUBLISHED" });
  const item = { criterion: districtCriterion };
  return {
    "POST /api/assessments": () => ({
      url: "/api/assessments",
      payload: { ...districtAssessment, framework: SAMPLE_FRAMEWORK.code, code: unique("DTI-D1-") },
      inD1: true,
    }),
    "POST /api/assessments/{code}/start": inD1(`${A}/start`),
    "POST /api/assessments/{code}/close-self-assessment": inD1(`${A}/close-self-assessment`),
    "POST /api/assessments/{code}/close-appraisal": inD1(`${A}/close-appraisal`),
    "POST /api/assessments/{code}/finalise": inD1(`${A}/finalise`),
    "POST /api/assessments/{code}/publish": inD1(`${A}/publish`, {
      decisionNumber: "1/QĐ-UBND",
      decisionDate: "2026-04-01",
      announcedOn: "2026-04-02",
    }),
    "POST /api/assessments/{code}/reopen": inD1(`${A}/reopen`, { to: "open", reason: "Mở lại" }),
    "PUT /api/assessments/{code}/units/{unit}/values": inD1(`${unitOfA}/values`, {
      values: [{ ...item, value: true }],
    }),
    "POST /api/assessments/{code}/units/{unit}/refresh": inD1(`${unitOfA}/refresh`),
    "POST /api/assessments/{code}/units/{unit}/submit": inD1(`${unitOfA}/submit`),
    "POST /api/assessments/{code}/units/{unit}/reopen": inD1(`${unitOfA}/reopen`, { reason: "Sửa" }),
    "PUT /api/assessments/{code}/units/{unit}/appraisal": inD1(`${unitOfA}/appraisal`, {
      items: [{ ...item, action: "confirm" }],
    }),
    "PUT /api/assessments/{code}/units/{unit}/council": inD1(`${unitOfA}/council`, {
      items: [{ ...item, value: true, reason: "Hội đồng" }],
    }),
    "POST /api/assessments/{code}/units/{unit}/evidence": inD1(`${unitOfA}/evidence`, {
      ...item,
      summary: "Quyết định",
    }),
    "POST /api/assessments/{code}/units/{unit}/evidence/file": () => ({
      url: `${unitOfA}/evidence/file?criterion=${districtCriterion}&name=qd.pdf`,
      payload: Buffer.from("%PDF-1.4\n%%EOF\n"),
      contentType: "application/pdf",
      inD1: true,
    }),
    "GET /api/assessments/{code}/evidence/{id}/file": inD1(`${A}/evidence/${f.evidence}/file`),
    "DELETE /api/assessments/{code}/evidence/{id}": inD1(`${A}/evidence/${f.evidence}`),
    "GET /api/assessments/{code}/ranking": unpublished(`${A}/ranking`),
    "GET /api/assessments/{code}/ranking.md": unpublished(`${A}/ranking.md`),
    "GET /api/assessments/{code}/ranking.xlsx": unpublished(`${A}/ranking.xlsx`),
    "GET /api/assessments/{code}/ranking.docx": unpublished(`${A}/ranking.docx`),
    "GET /api/assessments/{code}/units/{unit}/scorecard": inD1(`${unitOfA}/scorecard`),
    "GET /api/assessments/{code}/units/{unit}/scorecard.md": inD1(`${unitOfA}/scorecard.md`),
    "GET /api/assessments/{code}/units/{unit}/scorecard.xlsx": inD1(`${unitOfA}/scorecard.xlsx`),
    "GET /api/assessments/{code}": () => ({ url: A }),
    "GET /api/assessments/{code}/appraisal": () => ({ url: `${A}/appraisal` }),
  };
}
