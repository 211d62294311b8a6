import { pillarMax, roundPoints } from "../domain/index-scoring/index.ts";
import type { Results } from "./results.ts";
import type { LoadedAssessment } from "./types.ts";

/** What every output says about the assessment itself. */
export interface AssessmentHeader {
  code: string;
  nameVi: string;
  nameEn: string;
  year: number;
  framework: string;
  frameworkNameVi: string;
  frameworkNameEn: string;
  status: LoadedAssessment["row"]["status"];
  /** True until the results are published: figures may still change. */
  provisional: boolean;
  decision: { number: string; date: string; announcedOn: string } | null;
  /** Last year's assessment compared against, if any. */
  previous: string | null;
}

export interface RankingRow {
  rank: number;
  unit: string;
  nameVi: string;
  nameEn: string | null;
  total: number;
  index: number | null;
  selfTotal: number;
  /** appraised − self-assessed: negative when the appraisal cut points. */
  difference: number;
  pillars: { code: string; points: number; rank: number }[];
  change: {
    previousTotal: number | null;
    totalChange: number | null;
    previousIndex: number | null;
    indexChange: number | null;
    previousRank: number | null;
    rankChange: number | null;
  } | null;
}

export interface GroupRanking {
  code: string;
  nameVi: string;
  nameEn: string;
  maxTotal: number;
  /** The scored pillars of the group (info-only pillars left out), in framework order. */
  pillars: { code: string; nameVi: string; nameEn: string; maxPoints: number }[];
  rows: RankingRow[];
}

export interface RankingView {
  assessment: AssessmentHeader;
  groups: GroupRanking[];
}

export function assessmentHeader(loaded: LoadedAssessment, previous: string | null): AssessmentHeader {
  const r = loaded.row;
  const decision =
    r.decisionNumber && r.decisionDate && r.announcedOn
      ? { number: r.decisionNumber, date: r.decisionDate, announcedOn: r.announcedOn }
      : null;
  return {
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    year: r.year,
    framework: loaded.framework.code,
    frameworkNameVi: loaded.framework.nameVi,
    frameworkNameEn: loaded.framework.nameEn,
    status: r.status,
    provisional: r.status !== "published",
    decision,
    previous,
  };
}

/** The ranking table of each group that has units (or only `group`), in framework order. */
export function rankingView(loaded: LoadedAssessment, results: Results, group?: string): RankingView {
  const byUnit = new Map(results.results.map((r) => [r.unit.code, r]));
  const groups = loaded.framework.groups
    .filter(
      (g) => (group === undefined || g.code === group) && results.ranked.some((r) => r.group === g.code),
    )
    .map((g): GroupRanking => {
      const pillars = loaded.framework.pillars.flatMap((p) => {
        const max = pillarMax(p, g.code);
        return max === null || max === 0
          ? []
          : [{ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, maxPoints: max }];
      });
      const rows = results.ranked
        .filter((r) => r.group === g.code)
        .map((r): RankingRow => {
          const own = byUnit.get(r.unit);
          const selfTotal = own?.self.points ?? 0;
          const change = results.changes.get(r.unit);
          return {
            rank: r.rank,
            unit: r.unit,
            nameVi: own?.unit.nameVi ?? r.unit,
            nameEn: own?.unit.nameEn ?? null,
            total: r.total,
            index: r.index,
            selfTotal,
            difference: roundPoints(r.total - selfTotal),
            pillars: [...r.pillars].sort(
              (a, b) =>
                pillars.findIndex((p) => p.code === a.code) - pillars.findIndex((p) => p.code === b.code),
            ),
            change: change
              ? {
                  previousTotal: change.previousTotal,
                  totalChange: change.totalChange,
                  previousIndex: change.previousIndex,
                  indexChange: change.indexChange,
                  previousRank: change.previousRank,
                  rankChange: change.rankChange,
                }
              : null,
          };
        });
      return { code: g.code, nameVi: g.nameVi, nameEn: g.nameEn, maxTotal: g.maxTotal, pillars, rows };
    });
  return { assessment: assessmentHeader(loaded, results.previous), groups };
}
