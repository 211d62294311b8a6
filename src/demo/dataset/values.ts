import type { NewUnit } from "../../units/service.ts";
import { apportion } from "./apportion.ts";
import {
  communeProfile,
  type DemoPeriod,
  districtPopulation,
  feedbackPending,
  type GrowingMetric,
  growingTotals,
  procedureWeights,
  steadyTotals,
} from "./figures.ts";
import { jitter, randomInt, seededRandom } from "./random.ts";

/** One unit's reported values for one period, by metric code; a metric it does not report is absent. */
export type Values = Record<string, number>;
export type ValuesByUnit = Map<string, Values>;

export interface ReportingGroups {
  departments: NewUnit[];
  districts: NewUnit[];
  communes: NewUnit[];
}

/** Sở Thông tin và Truyền thông reports the province-wide figures. */
export const provinceWideReporter = "S-TTTT";

const seed = 20230930;

function put(out: ValuesByUnit, units: NewUnit[], metric: string, numbers: readonly number[]): void {
  units.forEach((u, i) => {
    const values = out.get(u.code) ?? {};
    values[metric] = numbers[i] ?? 0;
    out.set(u.code, values);
  });
}

const valuesOf = (out: ValuesByUnit, units: NewUnit[], metric: string) =>
  units.map((u) => out.get(u.code)?.[metric] ?? 0);

/** Departments: their procedures and how many of them run online, fully or partly. */
function departmentValues(out: ValuesByUnit, departments: NewUnit[], random: () => number): void {
  const procedures = apportion(
    steadyTotals.PROCEDURES_TOTAL,
    departments.map((u) => procedureWeights[u.code] ?? 10),
  );
  const full = apportion(
    growingTotals.DVC_FULL["202309"],
    procedures.map((p) => p * jitter(random, 0.35)),
    procedures,
  );
  const partial = apportion(
    growingTotals.DVC_PARTIAL["202309"],
    procedures.map((p) => p * jitter(random, 0.5)),
    procedures.map((p, i) => p - (full[i] ?? 0)),
  );
  put(out, departments, "PROCEDURES_TOTAL", procedures);
  put(out, departments, "DVC_FULL", full);
  put(out, departments, "DVC_PARTIAL", partial);
}

/** Districts: 1022 hotline feedback handled in the district, smartphone subscribers. */
function districtValues(out: ValuesByUnit, districts: NewUnit[], random: () => number): void {
  const population = districts.map((u) => districtPopulation[u.code] ?? 100);
  const received = apportion(
    growingTotals.FEEDBACK_RECEIVED["202309"],
    population.map((p) => p * jitter(random, 0.25)),
  );
  const pending = apportion(
    feedbackPending["202309"],
    received,
    received.map(() => 1),
  );
  put(out, districts, "FEEDBACK_RECEIVED", received);
  put(
    out,
    districts,
    "FEEDBACK_ANSWERED",
    received.map((r, i) => r - (pending[i] ?? 0)),
  );
  put(
    out,
    districts,
    "SMARTPHONE_SUBSCRIBERS",
    apportion(
      growingTotals.SMARTPHONE_SUBSCRIBERS["202309"],
      population.map((p) => p * jitter(random, 0.1)),
    ),
  );
}

/** Communes: hamlets, their teams and fibre, households, and the support given to citizens. */
function communeValues(out: ValuesByUnit, communes: NewUnit[], random: () => number): void {
  const profiles = communes.map(
    (u) => communeProfile[u.type] ?? { hamlets: 5, households: 3_000, fibre: 0.8 },
  );
  const hamlets = apportion(
    steadyTotals.HAMLETS_TOTAL,
    profiles.map((p) => p.hamlets * jitter(random, 0.35)),
  );
  const households = apportion(
    steadyTotals.HOUSEHOLDS_TOTAL,
    profiles.map((p) => p.households * jitter(random, 0.3)),
  );
  const fibre = apportion(
    growingTotals.HOUSEHOLDS_FIBRE["202309"],
    households.map((h, i) => h * (profiles[i]?.fibre ?? 0.8) * jitter(random, 0.04)),
    households,
  );
  const activities = apportion(
    growingTotals.SUPPORT_ACTIVITIES["202309"],
    hamlets.map((h) => h * jitter(random, 0.3)),
  );
  put(out, communes, "HAMLETS_TOTAL", hamlets);
  put(
    out,
    communes,
    "HAMLETS_WITH_TEAM",
    apportion(
      growingTotals.HAMLETS_WITH_TEAM["202309"],
      hamlets.map((h) => h * jitter(random, 0.6)),
      hamlets,
    ),
  );
  put(out, communes, "HAMLETS_WITH_FIBRE", hamlets);
  put(out, communes, "HOUSEHOLDS_TOTAL", households);
  put(out, communes, "HOUSEHOLDS_FIBRE", fibre);
  put(out, communes, "SUPPORT_ACTIVITIES", activities);
  put(
    out,
    communes,
    "CITIZEN_CONTACTS",
    apportion(
      growingTotals.CITIZEN_CONTACTS["202309"],
      activities.map((a) => a * jitter(random, 0.2)),
    ),
  );
}

/** Figures several levels report: devices under malware monitoring, youth teams. */
function sharedValues(out: ValuesByUnit, groups: ReportingGroups, random: () => number): void {
  const offices = [...groups.departments, ...groups.districts];
  const devices = offices.map((u) =>
    u.groupCode === "district" ? (districtPopulation[u.code] ?? 100) * 1.1 : 105 * jitter(random, 0.4),
  );
  put(out, offices, "DEVICES_MONITORED", apportion(growingTotals.DEVICES_MONITORED["202309"], devices));
  const localities = [...groups.districts, ...groups.communes];
  put(
    out,
    localities,
    "YOUTH_DX_TEAM",
    localities.map(() => 1),
  );
  put(
    out,
    localities,
    "YOUTH_DX_MEMBERS",
    apportion(
      growingTotals.YOUTH_DX_MEMBERS["202309"],
      localities.map((u) => (u.groupCode === "district" ? 2 : 1) * jitter(random, 0.3)),
    ),
  );
}

function provinceWideValues(out: ValuesByUnit, departments: NewUnit[]): void {
  const reporter = departments.filter((u) => u.code === provinceWideReporter);
  put(out, reporter, "BTS_STATIONS", [growingTotals.BTS_STATIONS["202309"]]);
  put(out, reporter, "SECURITY_LAYERS", [steadyTotals.SECURITY_LAYERS]);
  put(out, reporter, "LGSP_CONNECTED", [growingTotals.LGSP_CONNECTED["202309"]]);
  put(out, reporter, "LGSP_TOTAL", [steadyTotals.LGSP_TOTAL]);
  put(out, reporter, "DIGITAL_ECONOMY_GRDP_SHARE", [steadyTotals.DIGITAL_ECONOMY_GRDP_SHARE]);
}

/** The September 2023 stocks: every published figure, split over the units that report it. */
function septemberStocks(groups: ReportingGroups): ValuesByUnit {
  const random = seededRandom(seed);
  const out: ValuesByUnit = new Map();
  departmentValues(out, groups.departments, random);
  districtValues(out, groups.districts, random);
  communeValues(out, groups.communes, random);
  sharedValues(out, groups, random);
  provinceWideValues(out, groups.departments);
  return out;
}

/**
 * August 2023: September less one month's growth, the growth split over the units in
 * proportion to their September values, so no unit's stock goes down from August to September.
 */
function augustStocks(september: ValuesByUnit, groups: ReportingGroups): ValuesByUnit {
  const all = allUnits(groups);
  const out: ValuesByUnit = new Map([...september].map(([code, v]) => [code, { ...v }]));
  for (const metric of Object.keys(growingTotals) as GrowingMetric[]) {
    const holders = all.filter((u) => september.get(u.code)?.[metric] !== undefined);
    const current = valuesOf(september, holders, metric);
    const totals = growingTotals[metric];
    const growth = apportion(totals["202309"] - totals["202308"], current, current);
    put(
      out,
      holders,
      metric,
      current.map((c, i) => c - (growth[i] ?? 0)),
    );
  }
  const received = valuesOf(out, groups.districts, "FEEDBACK_RECEIVED");
  const pending = apportion(
    feedbackPending["202308"],
    received,
    received.map(() => 1),
  );
  put(
    out,
    groups.districts,
    "FEEDBACK_ANSWERED",
    received.map((r, i) => r - (pending[i] ?? 0)),
  );
  return out;
}

/** Monthly flows (sum over months): trainings held and directives issued in the month. */
const flowRanges: Record<string, { trainings: [number, number]; documents: [number, number] }> = {
  department: { trainings: [0, 3], documents: [0, 2] },
  district: { trainings: [1, 4], documents: [1, 3] },
  commune: { trainings: [0, 2], documents: [0, 1] },
};

function monthlyFlows(out: ValuesByUnit, groups: ReportingGroups, period: DemoPeriod): void {
  const random = seededRandom(seed + Number(period));
  for (const u of allUnits(groups)) {
    const range = flowRanges[u.groupCode ?? ""] ?? { trainings: [0, 2], documents: [0, 1] };
    const values = out.get(u.code) ?? {};
    values.DX_TRAININGS_HELD = randomInt(random, ...range.trainings);
    values.DOCUMENTS_ISSUED = randomInt(random, ...range.documents);
    out.set(u.code, values);
  }
}

export function allUnits(groups: ReportingGroups): NewUnit[] {
  return [...groups.departments, ...groups.districts, ...groups.communes];
}

/** Every reporting unit's values for August and September 2023. Same input, same output. */
export function demoValues(groups: ReportingGroups): Record<DemoPeriod, ValuesByUnit> {
  const september = septemberStocks(groups);
  const august = augustStocks(september, groups);
  monthlyFlows(august, groups, "202308");
  monthlyFlows(september, groups, "202309");
  return { "202308": august, "202309": september };
}
