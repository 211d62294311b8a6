import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, seedTinyTree, type TestApp, testApp } from "../../test/harness.ts";
import { SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { type Cast, newAssessmentBody, seedAppraisers, signInCast, valuesFor } from "./test-fixtures.ts";

// The scorecard tells each viewer what it may do now, so the web shows only accepted buttons.

let t: TestApp;
let api: ReturnType<typeof http>;
let who: Cast;
const A = "/api/assessments/DTI-P";
const may = async (unit: string, headers: Cast["admin"]) => {
  const res = await api.get(`${A}/units/${unit}/scorecard`, headers);
  expect(res.statusCode).toBe(200);
  return res.json().may;
};

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedAppraisers(t);
  who = await signInCast(t);
  expect((await api.post("/api/index-frameworks", who.admin, SAMPLE_FRAMEWORK)).statusCode).toBe(201);
  expect((await api.post("/api/assessments", who.admin, newAssessmentBody("DTI-P"))).statusCode).toBe(201);
});
afterAll(() => t.close());

describe("what a viewer may do on a scorecard", () => {
  it("lets nobody fill before the self-assessment starts", async () => {
    expect(await may("D1", who.d1Reporter)).toEqual({ fill: false, submit: false, appraise: [] });
  });

  it("lets the unit's reporter fill and its approver submit while a draft, no one else", async () => {
    await api.post(`${A}/start`, who.admin);
    expect(await may("D1", who.d1Reporter)).toEqual({ fill: true, submit: false, appraise: [] });
    expect(await may("D1", who.d1Approver)).toEqual({ fill: false, submit: true, appraise: [] });
    expect(await may("D1", who.d1Viewer)).toEqual({ fill: false, submit: false, appraise: [] });
    expect(await may("D1", who.admin)).toMatchObject({ fill: true, submit: true });
    expect((await api.get(`${A}/units/D1/scorecard`, who.d2Reporter)).statusCode).toBe(403);
  });

  it("locks filling once submitted, then offers appraisers their criteria of the unit's group", async () => {
    const values = valuesFor("HUYEN", 0.8);
    expect((await api.put(`${A}/units/D1/values`, who.d1Reporter, { values })).statusCode).toBe(200);
    expect((await api.post(`${A}/units/D1/submit`, who.d1Approver)).statusCode).toBe(200);
    expect(await may("D1", who.d1Reporter)).toEqual({ fill: false, submit: false, appraise: [] });
    for (const unit of ["D2", "S1"]) {
      const group = unit === "S1" ? "SO_DVC" : "HUYEN";
      const headers = unit === "S1" ? who.s1Reporter : who.d2Reporter;
      await api.put(`${A}/units/${unit}/values`, headers, { values: valuesFor(group, 0.5) });
      await api.post(`${A}/units/${unit}/submit`, unit === "S1" ? who.s1Approver : who.d2Approver);
    }
    expect((await api.post(`${A}/close-self-assessment`, who.admin)).statusCode).toBe(200);
    const tttt = SAMPLE_FRAMEWORK.criteria
      .filter((c) => c.verifyingUnit === "Sở Thông tin và Truyền thông")
      .map((c) => c.code);
    const offered = (await may("D1", who.ttttAppraiser)).appraise as string[];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((c) => tttt.includes(c))).toBe(true);
    expect(new Set(offered)).toEqual(new Set(values.map((v) => v.criterion).filter((c) => tttt.includes(c))));
    expect((await may("D1", who.d1Reporter)).appraise).toEqual([]);
  });
});
