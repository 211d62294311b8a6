import { describe, expect, it } from "vitest";
import { metricFields, metricsBody, moved, toggledGroup } from "./metric-rows.ts";

describe("a form's metric list as the page edits it", () => {
  it("sends no group as every unit (null) and keeps the rows' order", () => {
    expect(
      metricsBody([
        { code: "B", required: true, groups: [] },
        { code: "A", required: false, groups: ["district", "commune"] },
      ]),
    ).toEqual([
      { code: "B", required: true, groups: null },
      { code: "A", required: false, groups: ["district", "commune"] },
    ]);
  });

  it("names the list and each row as the API's problems do (metrics.1.code lands on row 1)", () => {
    expect(
      metricFields([
        { code: "A", required: false, groups: [] },
        { code: "B", required: false, groups: [] },
      ]),
    ).toEqual(["metrics", "metrics.0", "metrics.1"]);
  });

  it("moves a row up or down without changing the list it was given", () => {
    const list = ["A", "B", "C"];
    expect(moved(list, 2, 1)).toEqual(["A", "C", "B"]);
    expect(moved(list, 0, 1)).toEqual(["B", "A", "C"]);
    expect(list).toEqual(["A", "B", "C"]);
  });

  it("ticks a group in the order of the unit groups and unticks it", () => {
    expect(toggledGroup(["commune"], "department")).toEqual(["department", "commune"]);
    expect(toggledGroup(["department", "commune"], "commune")).toEqual(["department"]);
  });
});
