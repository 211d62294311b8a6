import { describe, expect, it } from "vitest";
import { SAMPLE_FRAMEWORK } from "./sample-framework.ts";
import { parseFramework } from "./schema.ts";
import { smallFramework } from "./test-helpers.ts";

/** A deep copy through JSON, as a framework arrives from a file. */
function json(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(smallFramework())) as Record<string, unknown>;
}

function criteriaOf(raw: Record<string, unknown>): Record<string, unknown>[] {
  return raw.criteria as Record<string, unknown>[];
}

describe("parseFramework", () => {
  it("reads a valid framework from JSON", () => {
    const result = parseFramework(json());
    expect(result).toEqual({ ok: true, framework: smallFramework() });
    expect(parseFramework(JSON.parse(JSON.stringify(SAMPLE_FRAMEWORK))).ok).toBe(true);
  });

  it("reports a wrong type at its path, in both languages", () => {
    const raw = json();
    const first = criteriaOf(raw)[0] ?? {};
    first.maxPoints = "40";
    const result = parseFramework(raw);
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code])).toEqual([
      ["criteria.0.maxPoints", "INVALID_SHAPE"],
    ]);
  });

  it("reports a misspelt field instead of dropping it", () => {
    const raw = json();
    const first = criteriaOf(raw)[0] ?? {};
    first.maxPoint = 40;
    const result = parseFramework(raw);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: "criteria.0",
        code: "INVALID_SHAPE",
        messageVi: "Sai cấu trúc: trường không được hỗ trợ: maxPoint",
        messageEn: "Invalid structure: unknown field: maxPoint",
      },
    ]);
  });

  it("reports an unknown scoring method at method.kind", () => {
    const raw = json();
    const first = criteriaOf(raw)[0] ?? {};
    first.method = { kind: "weighted" };
    const result = parseFramework(raw);
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code, p.messageEn])).toEqual([
      ["criteria.0.method.kind", "UNKNOWN_METHOD", "Scoring method 'weighted' is not supported"],
    ]);
  });

  it("reports blank names and a wrong direction", () => {
    const raw = json();
    raw.nameVi = "  ";
    const first = criteriaOf(raw)[0] ?? {};
    first.method = { kind: "numeric_thresholds", direction: "up", thresholds: [] };
    const result = parseFramework(raw);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path} ${p.messageEn}`)).toEqual([
      "nameVi Invalid structure: must not be empty",
      "criteria.0.method.direction Invalid structure: expected one of: at_least, at_most",
    ]);
  });

  it("runs the semantic checks once the shape is right", () => {
    const raw = json();
    const first = criteriaOf(raw)[0] ?? {};
    first.pillar = "P9";
    const result = parseFramework(raw);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain("UNKNOWN_PILLAR");
  });

  it("refuses input that is not an object", () => {
    const result = parseFramework(null);
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code, p.messageVi])).toEqual([
      ["", "INVALID_SHAPE", "Sai cấu trúc: cần đối tượng"],
    ]);
  });
});
