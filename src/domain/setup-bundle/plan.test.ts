import { describe, expect, it } from "vitest";
import { attachIssues, type FormDef, planSetup, type SetupState, summariseSetup } from "./index.ts";

const metric = (code: string, nameVi = code) => ({ code, nameVi, valueType: "integer" });
const rule = (code: string, expression = "#{A} >= 0") => ({ code, expression });
const form = (versions: FormDef["versions"], settings = { nameVi: "Biểu mẫu" }): FormDef => ({
  code: "F",
  settings,
  versions,
});
const first = { validFrom: null, metrics: [{ code: "A" }], rules: [rule("R1")] };
const later = { validFrom: "202407", metrics: [{ code: "A" }, { code: "B" }], rules: [rule("R2")] };
const state = (forms: FormDef[], metrics = [metric("A"), metric("B")]): SetupState => ({ metrics, forms });
const actions = (s: SetupState, stored: SetupState) =>
  planSetup(s, stored).rows.map((r) => `${r.code} ${r.action}`);

describe("planSetup", () => {
  it("creates everything in an empty install, in bundle order", () => {
    const plan = planSetup(state([form([first, later])]), state([], []));
    expect(plan.rows.map((r) => [r.row, r.kind, r.code, r.path, r.action])).toEqual([
      [1, "metric", "A", "metrics.0", "create"],
      [2, "metric", "B", "metrics.1", "create"],
      [3, "form", "F", "forms.0", "create"],
      [4, "version", "F@-", "forms.0.versions.0", "create"],
      [5, "rule", "F@-/R1", "forms.0.versions.0.rules.0", "create"],
      [6, "version", "F@202407", "forms.0.versions.1", "create"],
      [7, "rule", "F@202407/R2", "forms.0.versions.1.rules.0", "create"],
    ]);
    expect(plan).toMatchObject({
      newMetrics: [0, 1],
      changedMetrics: [],
      forms: [{ index: 0, create: true, from: 0 }],
    });
  });

  it("finds the same bundle unchanged whatever the order of keys and rules, and plans no write", () => {
    const bundle = state([form([{ ...first, rules: [rule("R1"), rule("R0")] }])]);
    const stored = state([
      form([{ rules: [rule("R0"), rule("R1")], metrics: [{ code: "A" }], validFrom: null }]),
    ]);
    const plan = planSetup(bundle, stored);
    expect(plan.rows.every((r) => r.action === "unchanged")).toBe(true);
    expect(plan).toMatchObject({ newMetrics: [], changedMetrics: [], forms: [] });
  });

  it("updates a changed metric and writes a form from its first new or changed version", () => {
    const changedLater = { ...later, rules: [rule("R2", "#{B} >= 0"), rule("R3")] };
    const bundle = state([form([first, changedLater])], [metric("A", "Mới"), metric("B")]);
    const plan = planSetup(bundle, state([form([first, later])]));
    expect(plan.rows.filter((r) => r.action !== "unchanged").map((r) => `${r.code} ${r.action}`)).toEqual([
      "A update",
      "F update",
      "F@202407 update",
      "F@202407/R2 update",
      "F@202407/R3 create",
    ]);
    expect(plan).toMatchObject({ changedMetrics: [0], forms: [{ index: 0, create: false, from: 1 }] });
  });

  it("rejects a stored form's other settings, a missing stored version, a changed first version", () => {
    const stored = state([form([first, later])]);
    const renamed = planSetup(state([form([first, later], { nameVi: "Khác" })]), stored);
    expect(renamed.rows[2]?.issues.map((i) => i.path)).toEqual(["forms.0.nameVi"]);
    const shorter = planSetup(state([form([first])]), stored);
    expect(shorter.rows[2]?.issues.map((i) => i.message_en)).toEqual([
      "Form F has a version from 202407 that the file lacks; an import does not delete versions",
    ]);
    const changedFirst = planSetup(state([form([{ ...first, rules: [] }, later])]), stored);
    expect(changedFirst.rows.map((r) => `${r.code} ${r.action}`)).toEqual([
      "A unchanged",
      "B unchanged",
      "F update",
      "F@- rejected",
      "F@202407 unchanged",
      "F@202407/R2 unchanged",
    ]);
    for (const plan of [renamed, shorter, changedFirst]) expect(plan.forms).toEqual([]);
  });

  it("rejects a code given twice", () => {
    expect(actions(state([], [metric("A"), metric("A")]), state([], []))).toEqual(["A create", "A rejected"]);
  });
});

describe("attachIssues", () => {
  it("puts an issue on the row with the longest matching path and rejects it", () => {
    const plan = planSetup(state([form([first, later])]), state([], []));
    attachIssues(plan.rows, [
      { path: "forms.0.versions.1.rules.0.expression", message: "x", message_en: "x" },
      { path: "forms.0.openFrom", message: "y", message_en: "y" },
      { path: "metrics.1", message: "z", message_en: "z" },
    ]);
    expect(plan.rows.filter((r) => r.action === "rejected").map((r) => r.code)).toEqual([
      "B",
      "F",
      "F@202407/R2",
    ]);
    expect(summariseSetup(plan.rows, false)).toMatchObject({
      status: "ERROR",
      counts: { create: 4, update: 0, unchanged: 0, rejected: 3 },
    });
  });
});
