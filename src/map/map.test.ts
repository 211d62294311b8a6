import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { http, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { approvedReport, seedTinyPlan } from "../plans/test-fixtures.ts";

let t: TestApp;
let admin: { cookie: string };

/** A square area around (lon, lat), as a district's boundary would be drawn. */
const square = (code: unknown, lon: number, lat = 10.5) => ({
  type: "Feature",
  properties: { ma_huyen: code, ten: "Huyện thử" },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + 0.1, lat],
        [lon + 0.1, lat + 0.1],
        [lon, lat + 0.1],
        [lon, lat],
      ],
    ],
  },
});
const collection = (...features: object[]) => ({ type: "FeatureCollection", features });

const put = (body: object, headers: Record<string, string> = admin, level = 2) =>
  http(t).put(`/api/map/boundaries/${level}?codeProperty=ma_huyen`, headers, body);
const get = (headers: Record<string, string> = admin, level = 2) =>
  http(t).get(`/api/map/boundaries/${level}`, headers);

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedTinyPlan(t));
  await t.app.inject({
    method: "POST",
    url: "/api/plans/KH-T/pillars/A/figures",
    payload: { code: "DONE", shareOf: "TOTAL" },
    headers: admin,
  });
  await approvedReport(t.database.db, "C11", "202309", { DONE: 9, TOTAL: 11 });
});
afterAll(() => t.close());

describe("boundary maps for the leaders' screen", () => {
  test("refuses anonymous callers and users who are not admins", async () => {
    expect((await get({})).statusCode).toBe(401);
    expect((await put(collection(square("D1", 105.6)), {})).statusCode).toBe(401);
    const reporter = await signIn(t, "c11.baocao", [{ role: "reporter", unitCode: "C11" }]);
    expect((await put(collection(square("D1", 105.6)), reporter)).statusCode).toBe(403);
  });

  test("names each bad area: unknown unit, a code twice, no code, a point, a latitude off the globe", async () => {
    const res = await put(
      collection(square("D9", 105.6), square("D1", 105.7), square("D1", 105.8), square(null, 105.9)),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.features.0.properties.ma_huyen",
        message: "Không có đơn vị cấp 2 mã D9",
        message_en: "No unit at level 2 has code D9",
      }),
      expect.objectContaining({
        path: "body.features.2.properties.ma_huyen",
        message_en: "Code D1 has two areas",
      }),
      expect.objectContaining({
        path: "body.features.3.properties.ma_huyen",
        message_en: "The area has no unit code",
      }),
    ]);
    const point = await put(
      collection({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [1, 2] } }),
    );
    expect(point.statusCode).toBe(400);
    expect(point.json().error.details[0].path).toMatch(/^body\.features\.0\.geometry/);
    const offGlobe = await put(collection(square("D1", 105.6, 95)));
    expect(offGlobe.statusCode).toBe(400);
    expect(offGlobe.json().error.details[0].message_en).toBe("Latitude is -90 to 90");
    expect((await get()).statusCode).toBe(404);
  });

  test("stores the areas with their codes only, says which units have none, and audits it", async () => {
    const res = await put(collection(square("D1", 105.6), square(" D2 ", 105.7)));
    expect(res.statusCode).toBe(200);
    // S1 (a department placed at level 2) has no area: the map shows it as missing.
    expect(res.json()).toEqual({ level: 2, features: 2, unitsWithoutArea: ["S1"] });
    const map = await get();
    expect(map.statusCode).toBe(200);
    expect(map.headers["content-type"]).toMatch(/^application\/geo\+json/);
    const body = map.json();
    expect(body.features.map((f: { properties: object }) => f.properties)).toEqual([
      { code: "D1" },
      { code: "D2" },
    ]);
    expect(body.features[0].geometry).toEqual(square("D1", 105.6).geometry);
    const again = await get({ ...admin, "if-none-match": String(map.headers.etag) });
    expect(again.statusCode).toBe(304);
    const audit = await t.app.inject({
      method: "GET",
      url: "/api/audit?action=upload_boundaries",
      headers: admin,
    });
    expect(JSON.stringify(audit.json())).toContain("upload_boundaries");
  });

  test("tells the leaders' screen a boundary map exists for its districts, until it is removed", async () => {
    const viewer = await signIn(t, "lanhdao", [{ role: "viewer", unitCode: "P" }]);
    const summary = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: "/api/ioc/summary?plan=KH-T&period=202309",
          headers: viewer,
        })
      ).json();
    const before = await summary();
    expect(before.map.level).toBe(2);
    expect(before.map.boundaries).toMatch(/^\d+$/);
    expect((await get(viewer)).statusCode).toBe(200);
    const removed = await t.app.inject({ method: "DELETE", url: "/api/map/boundaries/2", headers: admin });
    expect(removed.statusCode).toBe(204);
    expect((await summary()).map.boundaries).toBeNull();
    expect((await get(viewer)).statusCode).toBe(404);
  });
});
