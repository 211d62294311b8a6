import { describe, expect, it } from "vitest";
import { countByStatus, rollUp } from "./rollup.ts";
import { expectPlanError } from "./test-helpers.ts";
import type { FinalStatus } from "./types.ts";

function repeat(status: FinalStatus, n: number): FinalStatus[] {
  return Array.from({ length: n }, () => status);
}

/** The plan indicators of Đồng Tháp at 30/09/2023 (FIGURES.md), one list per pillar. */
const REPORT: Array<[string, FinalStatus[]]> = [
  ["Dữ liệu số", [...repeat("done", 5), "likely", "dependent"]],
  ["Chính quyền số", [...repeat("done", 7), ...repeat("likely", 4), "at_risk"]],
  ["Kinh tế số", [...repeat("done", 3), "likely", ...repeat("at_risk", 2)]],
  [
    "Xã hội số",
    [...repeat("done", 6), ...repeat("at_risk", 2), ...repeat("dependent", 2), ...repeat("discontinued", 2)],
  ],
];

describe("countByStatus", () => {
  it("counts each status and the total", () => {
    expect(countByStatus(["done", "done", "likely", "no_data", "discontinued"])).toEqual({
      total: 5,
      done: 2,
      likely: 1,
      at_risk: 0,
      dependent: 0,
      discontinued: 1,
      no_data: 1,
    });
  });

  it("of nothing is all zeros", () => {
    expect(countByStatus([])).toEqual({
      total: 0,
      done: 0,
      likely: 0,
      at_risk: 0,
      dependent: 0,
      discontinued: 0,
      no_data: 0,
    });
  });

  it("refuses an unknown status instead of dropping it from the total", () => {
    expectPlanError(() => countByStatus(["done", "late" as FinalStatus]), "INVALID_STATUS", "statuses.1");
  });
});

describe("rollUp", () => {
  const indicators = REPORT.flatMap(([pillar, statuses]) => statuses.map((status) => ({ pillar, status })));

  it("reproduces the report's table, pillars in their given order", () => {
    const r = rollUp(indicators);
    expect(r.pillars.map((p) => p.pillar)).toEqual([
      "Dữ liệu số",
      "Chính quyền số",
      "Kinh tế số",
      "Xã hội số",
    ]);
    expect(
      r.pillars.map(({ counts: c }) => [c.total, c.done, c.likely, c.at_risk, c.dependent, c.discontinued]),
    ).toEqual([
      [7, 5, 1, 0, 1, 0],
      [12, 7, 4, 1, 0, 0],
      [6, 3, 1, 2, 0, 0],
      [12, 6, 0, 2, 2, 2],
    ]);
    expect(r.total).toEqual({
      total: 37,
      done: 21,
      likely: 6,
      at_risk: 5,
      dependent: 3,
      discontinued: 2,
      no_data: 0,
    });
  });

  it("keeps the order of first appearance when indicators interleave", () => {
    const r = rollUp([
      { pillar: "B", status: "done" },
      { pillar: "A", status: "likely" },
      { pillar: "B", status: "no_data" },
    ]);
    expect(r.pillars.map((p) => [p.pillar, p.counts.total])).toEqual([
      ["B", 2],
      ["A", 1],
    ]);
  });

  it("follows pillarOrder, listing empty pillars, then unlisted ones", () => {
    const r = rollUp(
      [
        { pillar: "Kinh tế số", status: "done" },
        { pillar: "Khác", status: "at_risk" },
      ],
      ["Thể chế", "Kinh tế số"],
    );
    expect(r.pillars.map((p) => [p.pillar, p.counts.total])).toEqual([
      ["Thể chế", 0],
      ["Kinh tế số", 1],
      ["Khác", 1],
    ]);
  });

  it("refuses an unknown status with its position", () => {
    expectPlanError(
      () =>
        rollUp([
          { pillar: "A", status: "done" },
          { pillar: "A", status: "??" as FinalStatus },
        ]),
      "INVALID_STATUS",
      "indicators.1.status",
    );
  });
});
