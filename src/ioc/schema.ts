import { z } from "zod";

const month = z.string().regex(/^\d{4}-?\d{2}$/, "Kỳ phải là một tháng, ví dụ 202309|A month such as 202309");

export const summaryQuery = z.object({
  /** A plan; default: the latest active plan. */
  plan: z.string().min(1).max(40).optional(),
  /** A month; default: the latest month whose reports are due (its due date has passed). */
  period: month.optional(),
  /**
   * A unit code; default: the caller's broadest territorial grant (a district's users see the
   * district, a commune's the commune), else (departments) the plan's scope unit. A unit outside
   * the caller's scope other than the plan's scope unit answers 403 OUT_OF_SCOPE.
   */
  unit: z.string().min(1).max(40).optional(),
  /** An index assessment; default: the latest published one. */
  assessment: z.string().min(1).max(40).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const counts = z.object({
  total: z.number(),
  done: z.number(),
  likely: z.number(),
  at_risk: z.number(),
  dependent: z.number(),
  discontinued: z.number(),
  no_data: z.number(),
});

const named = { code: z.string(), nameVi: z.string(), nameEn: z.string().nullable() };

export const figureOut = z.object({
  code: z.string(),
  pillar: z.string(),
  labelVi: z.string(),
  labelEn: z.string().nullable(),
  unitOfMeasureVi: z.string().nullable(),
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  sharePercent: z.number().nullable(),
  /** The figure in each of the twelve months up to the period (null: no approved data). */
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});

const cell = z.object({
  period: z.string(),
  expected: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
});

export const summaryOut = z.object({
  /** Changes whenever the data may have changed; also sent as the ETag. */
  version: z.string(),
  period: z.object({ id: z.string(), labelVi: z.string(), labelEn: z.string() }),
  /** The period selector: the latest month whose reports are due and the months with approved reports, newest first. */
  periods: z.array(z.string()),
  plan: z.object({ ...named, year: z.number(), scopeUnit: z.string() }),
  /** The unit whose figures, completeness and map are shown. */
  unit: z.object(named),
  /**
   * full: the unit lies in the caller's scope. plan: the plan's scope unit as the plan publishes
   * it to every reader (figures, statuses, reporting totals); rows and tiles only for units in
   * the caller's scope.
   */
  reach: z.enum(["full", "plan"]),
  /** The unit selector: the plan's scope unit, then the roots of the caller's grants. */
  units: z.array(z.object(named)),
  /** Per pillar, the plan's indicators by status (whatever the unit); null when the period lies outside the plan's year. */
  status: z.object({ totals: counts, pillars: z.array(z.object({ ...named, counts })) }).nullable(),
  figures: z.array(figureOut),
  completeness: z.object({
    forms: z.array(z.string()),
    months: z.array(z.string()),
    totals: z.array(cell),
    rows: z.array(z.object({ ...named, kind: z.string(), cells: z.array(cell) })),
  }),
  ranking: z
    .object({
      ...named,
      year: z.number(),
      groups: z.array(
        z.object({
          ...named,
          rows: z.array(
            z.object({
              rank: z.number(),
              unit: z.string(),
              nameVi: z.string(),
              nameEn: z.string().nullable(),
              total: z.number(),
              index: z.number().nullable(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
  /**
   * Where the figures count (docs/analytics.md, "Two views of the same figures"): `own-period`,
   * each value where its unit stood on its period's last day; `asOf`, all in the tree of `asOf`.
   */
  view: z.object({ kind: z.enum(["own-period", "asOf"]), asOf: z.string().nullable() }),
  map: z.object({
    /** The tree level of the mapped units (those below the unit), and the version of its boundary map if loaded. */
    level: z.number().nullable(),
    boundaries: z.string().nullable(),
    figures: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string().nullable() })),
    units: z.array(
      z.object({
        ...named,
        /** Per figure code: its value and, for a part of a whole, its share in percent. */
        values: z.record(
          z.string(),
          z.object({ value: z.number().nullable(), share: z.number().nullable() }),
        ),
      }),
    ),
  }),
});
export type Summary = z.infer<typeof summaryOut>;
export type Figure = z.infer<typeof figureOut>;
export type CompletenessCell = z.infer<typeof cell>;
