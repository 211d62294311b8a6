import type {
  FinalStatus,
  IndicatorReport,
  KeyFigure,
  PillarReport,
  StatusCounts,
} from "../plans/report-data.ts";

/** Builders for the report fixtures: indicators, figures and pillars with their counts. */
type Extra = Partial<IndicatorReport>;

export function indicator(
  code: string,
  nameVi: string,
  status: FinalStatus,
  extra: Extra = {},
): IndicatorReport {
  return {
    code,
    nameVi,
    nameEn: null,
    kind: "percent",
    direction: "up",
    target: 100,
    value: status === "done" ? 100 : null,
    unitOfMeasureVi: null,
    deadline: "2023-12-31",
    status,
    computedStatus: status,
    overridden: false,
    reasonVi: null,
    reasonEn: null,
    dependsOnVi: null,
    decisionVi: null,
    sample: false,
    ...extra,
  };
}

/** `count` plausible sample indicators of one status, numbered after `prefix`. */
export function samples(
  prefix: string,
  names: string[],
  status: FinalStatus,
  extra: Extra = {},
): IndicatorReport[] {
  return names.map((name, i) =>
    indicator(`${prefix}${String(i + 1).padStart(2, "0")}`, name, status, { sample: true, ...extra }),
  );
}

export function figure(
  metricCode: string,
  labelVi: string,
  value: number | null,
  unit: string | null,
  more = {},
): KeyFigure {
  return {
    metricCode,
    labelVi,
    labelEn: null,
    value,
    unitOfMeasureVi: unit,
    sharePercent: null,
    ofMetricCode: null,
    previousValue: null,
    ...more,
  };
}

export const share = (part: number, whole: number, ofMetricCode: string) => ({
  sharePercent: (part / whole) * 100,
  ofMetricCode,
  ofValue: whole,
});

export function countsOf(indicators: readonly IndicatorReport[]): StatusCounts {
  const count = (s: FinalStatus) => indicators.filter((i) => i.status === s).length;
  return {
    total: indicators.length,
    done: count("done"),
    likely: count("likely"),
    at_risk: count("at_risk"),
    dependent: count("dependent"),
    discontinued: count("discontinued"),
    no_data: count("no_data"),
  };
}

export function pillar(
  code: string,
  nameVi: string,
  indicators: IndicatorReport[],
  figures: KeyFigure[],
): PillarReport {
  return { code, nameVi, nameEn: null, counts: countsOf(indicators), indicators, figures };
}
