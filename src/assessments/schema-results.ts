import { z } from "zod";
import { evidenceOut } from "./schema.ts";

// The shapes of the ranking (bảng xếp hạng) and the scorecard (phiếu kết quả) as the API sends them.

const nullableNumber = z.number().nullable();
const value = z.unknown();

export const headerOut = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  year: z.number(),
  framework: z.string(),
  frameworkNameVi: z.string(),
  frameworkNameEn: z.string(),
  status: z.string(),
  provisional: z.boolean(),
  decision: z.object({ number: z.string(), date: z.string(), announcedOn: z.string() }).nullable(),
  previous: z.string().nullable(),
});

const pillarHead = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  maxPoints: z.number(),
});

export const rankingOut = z.object({
  assessment: headerOut,
  groups: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      maxTotal: z.number(),
      pillars: z.array(pillarHead),
      rows: z.array(
        z.object({
          rank: z.number(),
          unit: z.string(),
          nameVi: z.string(),
          nameEn: z.string().nullable(),
          total: z.number(),
          index: nullableNumber,
          selfTotal: z.number(),
          difference: z.number(),
          pillars: z.array(z.object({ code: z.string(), points: z.number(), rank: z.number() })),
          change: z
            .object({
              previousTotal: nullableNumber,
              totalChange: nullableNumber,
              previousIndex: nullableNumber,
              indexChange: nullableNumber,
              previousRank: nullableNumber,
              rankChange: nullableNumber,
            })
            .nullable(),
        }),
      ),
    }),
  ),
});

const side = { self: z.number(), appraised: z.number(), difference: z.number() };

export const scorecardOut = z.object({
  assessment: headerOut,
  unit: z.object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    group: z.string(),
    groupNameVi: z.string(),
    groupNameEn: z.string(),
    status: z.string(),
    submittedAt: z.string().nullable(),
  }),
  rank: nullableNumber,
  total: z.object({ ...side, maxPoints: z.number() }),
  index: z.object(side),
  pillars: z.array(pillarHead.extend(side)),
  criteria: z.array(
    z.object({
      code: z.string(),
      pillar: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      maxPoints: z.number(),
      method: z.record(z.string(), z.unknown()),
      methodNoteVi: z.string().nullable(),
      evidenceRequired: z.string(),
      dataSource: z.string(),
      verifyingUnit: z.string(),
      metricExpression: z.string().nullable(),
      self: z.object({
        value,
        points: z.number(),
        status: z.string(),
        note: z.string().nullable(),
        source: z.string(),
        version: z.number(),
      }),
      appraisal: z.object({ action: z.string(), value, reason: z.string().nullable() }).nullable(),
      council: z.object({ value, reason: z.string().nullable() }).nullable(),
      appraised: z.object({ value, points: z.number(), status: z.string() }),
      difference: z.number(),
      evidence: z.array(evidenceOut),
    }),
  ),
  partial: z.boolean(),
});

/** The scorecard's JSON answer: the card and what the viewer may do on it now. */
export const scorecardWithPermissionsOut = scorecardOut.extend({
  may: z.object({ fill: z.boolean(), submit: z.boolean(), appraise: z.array(z.string()) }),
});
