import { describe, expect, it } from "vitest";
import { aggregate, aggregateFormula, type ValueRecord } from "../../domain/aggregation/index.ts";
import { checkRule, parseExpression } from "../../domain/expression/index.ts";
import { fitForm, unitGroup } from "../../domain/forms/index.ts";
import { fixedDecimal } from "../../domain/number/index.ts";
import { parsePeriod, periodStart } from "../../domain/period/index.ts";
import { readUnitsCsv } from "../seed-file.ts";
import { type DemoDataset, demoDataset } from "./index.ts";

const dataset = demoDataset(readUnitsCsv());
const unitIndex = new Map(dataset.units.map((u, i) => [u.code, i]));
const groupOf = new Map(dataset.units.map((u) => [u.code, u.groupCode]));

function parsed(text: string) {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.messageEn}`);
  return result.ast;
}

/** The province's value of every metric over `periodId`, aggregated as the metric says. */
function provinceTotals(d: DemoDataset, periodId: string): Map<string, number | null> {
  const within = parsePeriod(periodId);
  const records = (code: string): ValueRecord[] =>
    d.reports.flatMap((r) => {
      const value = r.values[code];
      if (value === undefined) return [];
      const start = periodStart(parsePeriod(r.period));
      return [{ unitId: unitIndex.get(r.unitCode) ?? -1, period: r.period, periodStart: start, value }];
    });
  const totals = new Map<string, number | null>();
  for (const m of d.metrics) {
    if (m.aggregation !== "formula")
      totals.set(m.code, aggregate(m.aggregation, records(m.code), { within }));
  }
  for (const m of d.metrics) {
    if (m.aggregation === "formula") totals.set(m.code, aggregateFormula(parsed(m.formula ?? ""), totals));
  }
  return totals;
}

describe("the Đồng Tháp units", () => {
  it("are the 175 seed rows: the province, 12 districts, 143 communes and 19 departments", () => {
    const count = (group: string) => dataset.units.filter((u) => u.groupCode === group).length;
    expect(dataset.units).toHaveLength(175);
    expect([count("province"), count("district"), count("commune"), count("department")]).toEqual([
      1, 12, 143, 19,
    ]);
    expect(dataset.units.filter((u) => u.kind === "agency").map((u) => u.groupCode)).toEqual(
      Array(19).fill("department"),
    );
    expect(new Set(dataset.units.map((u) => u.validFrom))).toEqual(new Set(["2020-01-01"]));
  });

  it("lists every parent before its children", () => {
    dataset.units.forEach((u, i) => {
      if (u.parentCode) expect(unitIndex.get(u.parentCode)).toBeLessThan(i);
    });
  });

  it("keeps the Vietnamese names and gives English ones", () => {
    const byCode = new Map(dataset.units.map((u) => [u.code, u]));
    expect(byCode.get("87")).toMatchObject({ nameVi: "Tỉnh Đồng Tháp", nameEn: "Dong Thap Province" });
    expect(byCode.get("866")).toMatchObject({ nameVi: "Thành phố Cao Lãnh", nameEn: "Cao Lanh City" });
    expect(byCode.get("873")?.nameEn).toBe("Cao Lanh District");
    expect(byCode.get("S-YT")?.nameEn).toBe("Department of Health");
    expect(byCode.get("S-VHTTDL")?.nameVi).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(byCode.get("29863")?.nameEn).toBe("Ward 11");
    expect(byCode.get("29884")?.nameEn).toBe("My Tan Commune");
    expect(dataset.units.filter((u) => !u.nameEn)).toEqual([]);
  });
});

describe("the September 2023 reports reproduce the published figures", () => {
  const totals = provinceTotals(dataset, "202309");
  const share = (code: string, digits: number) => fixedDecimal(totals.get(code) ?? Number.NaN, digits);

  it("adds up to the published counts exactly", () => {
    expect(Object.fromEntries([...totals].filter(([code]) => published[code] !== undefined))).toEqual(
      published,
    );
  });

  it("gives the published shares when rounded as the report rounds them", () => {
    expect(share("DVC_FULL_SHARE", 2)).toBe("47.54");
    expect(share("DVC_PARTIAL_SHARE", 2)).toBe("13.33");
    expect(share("FEEDBACK_ANSWERED_SHARE", 2)).toBe("99.64");
    expect(share("FEEDBACK_PENDING_SHARE", 2)).toBe("0.36");
    expect(share("HAMLETS_WITH_TEAM_SHARE", 1)).toBe("45.8");
    expect(share("HAMLETS_WITH_FIBRE_SHARE", 0)).toBe("100");
    expect(share("HOUSEHOLDS_FIBRE_SHARE", 2)).toBe("83.66");
  });

  it("meets the report's 'more than' and 'about' figures", () => {
    expect(totals.get("BTS_STATIONS")).toBeGreaterThan(5_000);
    expect(totals.get("BTS_STATIONS")).toBeLessThan(5_100);
    expect(totals.get("YOUTH_DX_MEMBERS")).toBeGreaterThan(950);
    expect(totals.get("SUPPORT_ACTIVITIES")).toBeGreaterThan(3_300);
    expect(Math.round((totals.get("CITIZEN_CONTACTS") ?? 0) / 1_000)).toBe(232);
  });

  it("has a youth digital-transformation team in 12/12 districts and 143/143 communes", () => {
    const withTeam = (group: string) =>
      dataset.reports.filter(
        (r) => r.period === "202309" && groupOf.get(r.unitCode) === group && r.values.YOUTH_DX_TEAM === 1,
      );
    expect([withTeam("district").length, withTeam("commune").length]).toEqual([12, 143]);
  });
});

const published: Record<string, number> = {
  PROCEDURES_TOTAL: 1_605,
  DVC_FULL: 763,
  DVC_PARTIAL: 214,
  FEEDBACK_RECEIVED: 3_024,
  FEEDBACK_ANSWERED: 3_013,
  HAMLETS_TOTAL: 699,
  HAMLETS_WITH_TEAM: 320,
  HAMLETS_WITH_FIBRE: 699,
  SMARTPHONE_SUBSCRIBERS: 1_205_780,
  DEVICES_MONITORED: 3_819,
  SECURITY_LAYERS: 4,
  LGSP_CONNECTED: 19,
  LGSP_TOTAL: 23,
  DIGITAL_ECONOMY_GRDP_SHARE: 6.42,
  YOUTH_DX_TEAM: 155,
};

describe("the values", () => {
  const metricOf = new Map(dataset.metrics.map((m) => [m.code, m]));
  const formCodes = new Set(dataset.form.metrics.map((m) => m.code));

  it("are reported by every assigned unit for August and September 2023", () => {
    expect(dataset.form.unitCodes).toHaveLength(174);
    expect(dataset.reports).toHaveLength(348);
    for (const period of ["202308", "202309"]) {
      expect(new Set(dataset.reports.filter((r) => r.period === period).map((r) => r.unitCode))).toEqual(
        new Set(dataset.form.unitCodes),
      );
    }
  });

  it("fill the form's required metrics, name only its metrics and respect their types and ranges", () => {
    const required = dataset.form.metrics.filter((m) => m.required).map((m) => m.code);
    for (const r of dataset.reports) {
      for (const code of required) expect(r.values[code], `${r.unitCode} ${code}`).toBeTypeOf("number");
      for (const [code, value] of Object.entries(r.values)) {
        const m = metricOf.get(code);
        expect(formCodes.has(code), code).toBe(true);
        if (m?.valueType === "integer") expect(Number.isInteger(value), `${r.unitCode} ${code}`).toBe(true);
        if (m?.valueType === "boolean") expect([0, 1]).toContain(value);
        expect(value, `${r.unitCode} ${code}`).toBeGreaterThanOrEqual(m?.minValue ?? 0);
        expect(value, `${r.unitCode} ${code}`).toBeLessThanOrEqual(m?.maxValue ?? Number.POSITIVE_INFINITY);
      }
    }
  });

  it("pass every validation rule, errors and warnings alike", () => {
    const rules = (dataset.form.rules ?? []).map((rule) => ({
      code: rule.code,
      ast: parsed(rule.expression),
    }));
    const failures = dataset.reports.flatMap((r) =>
      rules
        .filter(
          (rule) => checkRule(rule.ast, (code) => r.values[code] ?? null, "skip_if_any_missing") === "fail",
        )
        .map((rule) => `${r.period} ${r.unitCode} ${rule.code}`),
    );
    expect(failures).toEqual([]);
  });

  it("leave blank what a unit does not report", () => {
    const reporters = (code: string) =>
      new Set(
        dataset.reports.filter((r) => r.values[code] !== undefined).map((r) => groupOf.get(r.unitCode)),
      );
    expect(reporters("DVC_FULL")).toEqual(new Set(["department"]));
    expect(reporters("FEEDBACK_RECEIVED")).toEqual(new Set(["district"]));
    expect(reporters("HAMLETS_TOTAL")).toEqual(new Set(["commune"]));
    expect(reporters("DEVICES_MONITORED")).toEqual(new Set(["department", "district"]));
    const provinceWide = dataset.reports
      .filter((r) => r.values.BTS_STATIONS !== undefined)
      .map((r) => r.unitCode);
    expect(provinceWide).toEqual(["S-TTTT", "S-TTTT"]);
  });

  it("grow from August to September and never fall for a unit", () => {
    const august = provinceTotals(dataset, "202308");
    expect(august.get("DVC_FULL")).toBe(748);
    expect(august.get("FEEDBACK_ANSWERED")).toBe(2_681);
    const sept = new Map(
      dataset.reports.filter((r) => r.period === "202309").map((r) => [r.unitCode, r.values]),
    );
    for (const r of dataset.reports.filter((x) => x.period === "202308")) {
      for (const [code, value] of Object.entries(r.values)) {
        if (metricOf.get(code)?.aggregation === "sum") continue;
        expect(value, `${r.unitCode} ${code}`).toBeLessThanOrEqual(sept.get(r.unitCode)?.[code] ?? 0);
      }
    }
  });

  it("sum the monthly flows over the quarter and keep the latest stock", () => {
    const august = provinceTotals(dataset, "202308");
    const september = provinceTotals(dataset, "202309");
    const quarter = provinceTotals(dataset, "2023Q3");
    const flows = (t: Map<string, number | null>) => t.get("DX_TRAININGS_HELD") ?? 0;
    expect(flows(quarter)).toBe(flows(august) + flows(september));
    expect(quarter.get("DVC_FULL")).toBe(763);
  });
});

describe("the narratives", () => {
  it("fill the three sections of every report in NFC, varied between units", () => {
    for (const r of dataset.reports) {
      for (const text of Object.values(r.narrative)) {
        expect(text.length, r.unitCode).toBeGreaterThan(20);
        expect(text.normalize("NFC")).toBe(text);
      }
    }
    const distinct = (key: "results" | "difficulties" | "proposals") =>
      new Set(dataset.reports.map((r) => r.narrative[key])).size;
    expect(distinct("results")).toBe(dataset.reports.length);
    expect(distinct("difficulties")).toBeGreaterThan(10);
    expect(distinct("proposals")).toBeGreaterThan(10);
  });

  it("quote the unit's own figures with Vietnamese digit grouping", () => {
    const district = dataset.reports.find((r) => r.period === "202309" && r.unitCode === "866");
    const subscribers = String(district?.values.SMARTPHONE_SUBSCRIBERS).replace(/\B(?=(\d{3})+$)/g, ".");
    expect(district?.narrative.results).toContain(`${subscribers} thuê bao điện thoại thông minh`);
  });
});

describe("the dataset", () => {
  it("is the same on every run", () => {
    expect(demoDataset(readUnitsCsv())).toEqual(dataset);
  });
});

describe("the monthly form by unit group", () => {
  const parentOf = new Map(dataset.units.map((u) => [u.code, u.parentCode ?? null]));
  const level = (code: string): number => {
    const parent = parentOf.get(code);
    return parent ? level(parent) + 1 : 1;
  };
  const version = {
    validFrom: null,
    metrics: dataset.form.metrics.map((m) => ({
      code: m.code,
      required: m.required,
      groups: m.groups ?? null,
    })),
    rules: [],
  };
  const formOf = (code: string) => {
    const unit = dataset.units.find((u) => u.code === code);
    if (!unit) throw new Error(code);
    const group = unitGroup({ kind: unit.kind, type: unit.type, level: level(code) });
    return fitForm([version], "202309", group, () => []).metrics;
  };

  it("asks a commune for none of the departments' figures", () => {
    const commune = formOf("29863").map((m) => m.code);
    for (const code of ["PROCEDURES_TOTAL", "BTS_STATIONS", "LGSP_TOTAL", "DIGITAL_ECONOMY_GRDP_SHARE"]) {
      expect(commune).not.toContain(code);
    }
    expect(commune).toContain("HAMLETS_TOTAL");
    expect(formOf("S-TTTT").map((m) => m.code)).toContain("BTS_STATIONS");
  });

  it("holds every value of every demo report on its unit's form, and each required one", () => {
    for (const report of dataset.reports) {
      const metrics = formOf(report.unitCode);
      const codes = new Set(metrics.map((m) => m.code));
      expect(Object.keys(report.values).filter((c) => !codes.has(c))).toEqual([]);
      const missing = metrics.filter((m) => m.required && report.values[m.code] === undefined);
      expect(missing).toEqual([]);
    }
  });
});
