import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { buildPlan, MAX_CELLS, planBasis } from "./plan.ts";
import type { MetricRow } from "./queries.ts";
import { parseAnalyticsRequest } from "./request.ts";
import { flatTree } from "./synthetic.test-helper.ts";
import { DatedTree, type PlacementRow } from "./tree.ts";

const metric: MetricRow = {
  id: 1,
  code: "M",
  nameVi: "M",
  nameEn: null,
  aggregation: "sum",
  formula: null,
  weightMetricId: null,
};

describe("buildPlan", () => {
  it("refuses more than 50,000 cells with a message that says how many", () => {
    const months = Array.from(
      { length: 101 },
      (_, i) => `${2020 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, "0")}`,
    );
    const query = parseAnalyticsRequest({ dimension: ["dx:M", `pe:${months.join(";")}`, "ou:LEVEL-2"] });
    const run = () =>
      buildPlan(query, { basis: planBasis({ metrics: [metric], ...flatTree(500) }), scopeRoots: [1] });
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (error) {
      expect((error as AppError).details).toEqual([
        {
          path: "dimension",
          message: `Yêu cầu có 50500 ô số liệu, vượt giới hạn ${MAX_CELLS}; hãy chọn ít chỉ số, kỳ hoặc đơn vị hơn`,
          message_en: `The request spans 50500 cells, above the limit of ${MAX_CELLS}; ask for fewer metrics, periods or units`,
        },
      ]);
    }
  });

  it("accepts exactly the cap", () => {
    const query = parseAnalyticsRequest({ dimension: ["dx:M", "pe:2023", "ou:LEVEL-2"] });
    const plan = buildPlan(query, {
      basis: planBasis({ metrics: [metric], ...flatTree(MAX_CELLS) }),
      scopeRoots: [1],
    });
    expect(plan.pe[0]?.ou).toHaveLength(MAX_CELLS);
  });
});

describe("DatedTree", () => {
  // P(1) > D(2) > C(3); C closed on 2025-07-01; E(4) moved from D to P on the same day.
  const placements: PlacementRow[] = [
    { unitId: 1, parentId: null, level: 1, validFrom: "2020-01-01", validTo: null },
    { unitId: 2, parentId: 1, level: 2, validFrom: "2020-01-01", validTo: null },
    { unitId: 3, parentId: 2, level: 3, validFrom: "2020-01-01", validTo: "2025-07-01" },
    { unitId: 4, parentId: 2, level: 3, validFrom: "2020-01-01", validTo: "2025-07-01" },
    { unitId: 4, parentId: 1, level: 2, validFrom: "2025-07-01", validTo: null },
  ];

  it("places a moved unit where it stood on the tree's date", () => {
    expect(new DatedTree("2025-06-30", placements).ancestorsOrSelf(4)).toEqual([4, 2, 1]);
    expect(new DatedTree("2025-07-01", placements).ancestorsOrSelf(4)).toEqual([4, 1]);
  });

  it("keeps a closed unit under its last parent, but not among the units in force", () => {
    const tree = new DatedTree("2025-12-31", placements);
    expect(tree.ancestorsOrSelf(3)).toEqual([3, 2, 1]);
    expect(tree.isActive(3)).toBe(false);
    expect(tree.activeChildren(2)).toEqual([]);
    expect(tree.activeAtLevel(2, new Set([1])).sort()).toEqual([2, 4]);
  });

  it("leaves out units not yet created on the date", () => {
    expect(new DatedTree("2019-12-31", placements).ancestorsOrSelf(1)).toEqual([]);
  });
});
