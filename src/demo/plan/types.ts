import type { DeclarationInput, IndicatorInput, ProgressInput } from "../../plans/schema.ts";

/** A demo indicator with the progress updates and the declaration the demo enters for it. */
export interface DemoIndicator extends IndicatorInput {
  progress?: ProgressInput[];
  declaration?: DeclarationInput;
}

/** Every demo indicator is measured from the end of 2022 to the end of 2023 unless it says otherwise. */
export const year2023 = { baselineDate: "2022-12-31", deadline: "2023-12-31" } as const;

/** A share in percent. */
export function percent(
  code: string,
  pillar: string,
  names: [string, string],
  target: number,
  baseline: number | null,
  more: Partial<DemoIndicator> & Pick<DemoIndicator, "source">,
): DemoIndicator {
  return {
    code,
    pillar,
    nameVi: names[0],
    nameEn: names[1],
    kind: "percent",
    target,
    baseline,
    unitOfMeasureVi: "%",
    sample: true,
    responsibleUnits: ["S-TTTT"],
    ...year2023,
    ...more,
  };
}

/** A yes/no milestone (mốc), entered by progress updates of 0 or 1. */
export function milestone(
  code: string,
  pillar: string,
  names: [string, string],
  more: Partial<DemoIndicator> = {},
): DemoIndicator {
  return {
    code,
    pillar,
    nameVi: names[0],
    nameEn: names[1],
    kind: "milestone",
    target: 1,
    baseline: 0,
    source: "progress",
    sample: true,
    responsibleUnits: ["S-TTTT"],
    ...year2023,
    ...more,
  };
}

/** Progress updates of August and September 2023, the months the demo reports. */
export function augSep(
  august: number | null,
  september: number,
  note?: string,
  evidence?: ProgressInput["evidence"],
): ProgressInput[] {
  return [
    ...(august === null ? [] : [{ period: "202308", value: august }]),
    { period: "202309", value: september, note, evidence },
  ];
}
