import { describe, expect, it } from "vitest";
import { fitForm, reportsIn, unitGroup, versionAt } from "./index.ts";

describe("unitGroup", () => {
  it("makes every agency a department and reads the group from the type word first", () => {
    expect(unitGroup({ kind: "agency", type: "sở/ngành", level: 2 })).toBe("department");
    expect(unitGroup({ kind: "territorial", type: "tỉnh", level: 1 })).toBe("province");
    expect(unitGroup({ kind: "territorial", type: "huyện", level: 2 })).toBe("district");
    expect(unitGroup({ kind: "territorial", type: "Thị xã", level: 2 })).toBe("district");
    expect(unitGroup({ kind: "territorial", type: "phường", level: 3 })).toBe("commune");
    expect(unitGroup({ kind: "territorial", type: "thị trấn", level: 3 })).toBe("commune");
  });

  it("keeps a commune a commune in the two-tier tree of 2025, where it sits at level 2", () => {
    expect(unitGroup({ kind: "territorial", type: "xã", level: 2 })).toBe("commune");
    expect(unitGroup({ kind: "territorial", type: "đặc khu", level: 2 })).toBe("commune");
  });

  it("falls back on the level for a word that does not say, such as thành phố", () => {
    expect(unitGroup({ kind: "territorial", type: "thành phố", level: 1 })).toBe("province");
    expect(unitGroup({ kind: "territorial", type: "thành phố", level: 2 })).toBe("district");
    expect(unitGroup({ kind: "territorial", type: "ấp", level: 4 })).toBe("commune");
  });
});

const first = { validFrom: null, name: "v1" };
const second = { validFrom: "202701", name: "v2" };
const third = { validFrom: "202707", name: "v3" };

describe("versionAt", () => {
  it("picks the version with the latest start not after the period, in any order given", () => {
    expect(versionAt([first, second, third], "202612").name).toBe("v1");
    expect(versionAt([first, second, third], "202701").name).toBe("v2");
    expect(versionAt([third, first, second], "202706").name).toBe("v2");
    expect(versionAt([second, third, first], "202812").name).toBe("v3");
  });

  it("reads a period before every start on the first version", () => {
    expect(versionAt([second, third], "202301").name).toBe("v2");
  });
});

describe("fitForm", () => {
  const metric = (code: string, groups: string[] | null) => ({ code, groups });
  const rule = (code: string, refs: string[]) => ({ code, refs });
  const versions = [
    {
      validFrom: null,
      metrics: [
        metric("PROCEDURES", ["department"]),
        metric("HAMLETS", ["commune"]),
        metric("TRAININGS", null),
      ],
      rules: [rule("HAMLET_RULE", ["HAMLETS"]), rule("MIXED", ["HAMLETS", "PROCEDURES"])],
    },
    { validFrom: "202701", metrics: [metric("TRAININGS", null)], rules: [rule("T", ["TRAININGS"])] },
  ];
  const fitted = (period: string, group: Parameters<typeof fitForm>[2]) =>
    fitForm(versions, period, group, (r) => r.refs);

  it("gives a group its metrics in order and only the rules over them", () => {
    const commune = fitted("202612", "commune");
    expect(commune.metrics.map((m) => m.code)).toEqual(["HAMLETS", "TRAININGS"]);
    expect(commune.rules.map((r) => r.code)).toEqual(["HAMLET_RULE"]);
    expect(fitted("202612", "department").metrics.map((m) => m.code)).toEqual(["PROCEDURES", "TRAININGS"]);
    expect(fitted("202612", "department").rules).toEqual([]);
  });

  it("reads each period on its own version", () => {
    expect(fitted("202701", "commune").metrics.map((m) => m.code)).toEqual(["TRAININGS"]);
    expect(fitted("202701", "commune").validFrom).toBe("202701");
    expect(fitted("202612", "commune").validFrom).toBeNull();
  });

  it("keeps every metric for a unit of no known group", () => {
    expect(fitted("202612", null).metrics).toHaveLength(3);
    expect(reportsIn([], "commune")).toBe(true);
    expect(reportsIn(["district"], "commune")).toBe(false);
  });
});
