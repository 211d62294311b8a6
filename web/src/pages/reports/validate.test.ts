import { describe, expect, it } from "vitest";
import { readValue } from "../../../../src/domain/report/index.ts";
import type { FormMetric } from "./types.ts";
import { parseField } from "./validate.ts";

const metric = (
  valueType: FormMetric["valueType"],
  minValue: number | null = null,
  maxValue: number | null = null,
) => ({ code: "M", valueType, minValue, maxValue }) as FormMetric;

describe("the browser's value check is the server's", () => {
  it.each([
    [metric("integer", 0), "abc"],
    [metric("integer", 0), "-5"],
    [metric("integer", 0), "1.5"],
    [metric("percent"), "120"],
    [metric("number", null, 10), "11"],
    [metric("number", null, 10), "9"],
    [metric("text"), "x".repeat(50_001)],
  ])("%j %j", (m, text) => {
    const server = readValue(m, text);
    const browser = parseField(m, text, "en");
    expect(browser.ok ? null : browser.problem).toEqual(server.ok ? null : server.problem);
  });

  it("reads the user's own number format before the shared check (1.205,5 in Vietnamese)", () => {
    expect(parseField(metric("number"), "1.205,5", "vi")).toEqual({ ok: true, value: 1205.5 });
    expect(parseField(metric("percent"), "100,5", "vi")).toEqual({
      ok: false,
      problem: { code: "above_max", bound: 100 },
    });
  });
});
