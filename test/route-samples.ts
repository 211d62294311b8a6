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
}

export interface Fixture {
  report: number;
  victim: number;
}

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
    "GET /api/plans/{code}/report-data": () => ({ url: `${plan}/report-data?period=${period}`, inD1: true }),
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
  };
}
