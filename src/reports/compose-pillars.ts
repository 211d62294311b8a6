import type { IndicatorReport, IssuedDocument, PillarReport, PlanReportData } from "../plans/report-data.ts";
import { clause, figureContext, firstClause, pick } from "./compose-values.ts";
import type { Block, Subsection } from "./document.ts";
import { renderKey, type TemplateSet } from "./templates/index.ts";

/** What the pillar and plan sentences share. */
export interface SentenceContext {
  readonly set: TemplateSet;
  readonly data: PlanReportData;
  readonly planShortName: string;
  readonly period: string;
}

function named(set: TemplateSet, list: readonly IndicatorReport[]) {
  return list.map((i) => ({ name: pick(set, i.nameVi, i.nameEn), sample: i.sample }));
}

/** Dependent indicators grouped by the body they wait on, in the order of first mention. */
function dependentGroups(set: TemplateSet, list: readonly IndicatorReport[]) {
  const groups = new Map<string, IndicatorReport[]>();
  for (const i of list) {
    const body = i.dependsOnVi?.trim() ?? "";
    groups.set(body, [...(groups.get(body) ?? []), i]);
  }
  return [...groups].map(([body, items]) => ({ body, items: named(set, items) }));
}

/** "Hoàn thành 5/7 chỉ tiêu …; 01 chỉ tiêu có khả năng hoàn thành (“…”); …" */
export function pillarSummary(c: SentenceContext, pillar: PillarReport): string {
  const { set } = c;
  const withStatus = (s: IndicatorReport["status"]) => pillar.indicators.filter((i) => i.status === s);
  return renderKey(set, "pillar.summary", {
    planShortName: c.planShortName,
    total: pillar.counts.total,
    done: pillar.counts.done,
    likely: pillar.counts.likely,
    atRisk: pillar.counts.at_risk,
    dependent: pillar.counts.dependent,
    discontinued: pillar.counts.discontinued,
    noData: pillar.counts.no_data,
    likelyItems: named(set, withStatus("likely")),
    atRiskItems: withStatus("at_risk").map((i) => ({
      name: pick(set, i.nameVi, i.nameEn),
      sample: i.sample,
      reason: i.reasonVi === null ? null : firstClause(pick(set, i.reasonVi, i.reasonEn)),
    })),
    dependentGroups: dependentGroups(set, withStatus("dependent")),
    discontinuedItems: withStatus("discontinued").map((i) => ({
      name: pick(set, i.nameVi, i.nameEn),
      sample: i.sample,
      decision: i.decisionVi,
    })),
    noDataItems: named(set, withStatus("no_data")),
  });
}

export function documentItem(set: TemplateSet, d: IssuedDocument, date: (iso: string) => string): string {
  return renderKey(set, "document.item", {
    number: d.number,
    date: date(d.date),
    issuer: d.issuerVi,
    summary: clause(pick(set, d.summaryVi, d.summaryEn)),
    sample: d.sample ?? false,
  });
}

/** A list block, or nothing when the list is empty. */
export function listBlock(intro: string, items: readonly string[]): Block[] {
  return items.length === 0 ? [] : [{ kind: "list", intro, items }];
}

function paragraphs(...texts: string[]): Block[] {
  return texts.filter((t) => t !== "").map((text) => ({ kind: "paragraph", text }));
}

/**
 * One numbered part per pillar that has something to say: its summary sentence, its key
 * figures and the documents filed under it. Pillars with none of these are left out.
 */
export function pillarSubsections(
  c: SentenceContext,
  date: (iso: string) => string,
): Omit<Subsection, "number">[] {
  const { set, data } = c;
  return data.pillars
    .map((pillar) => {
      const figures = pillar.figures.map((f) => renderKey(set, "figure.item", figureContext(set, f)));
      const documents = data.documents
        .filter((d) => d.pillarCode === pillar.code)
        .map((d) => documentItem(set, d, date));
      const blocks: Block[] = [
        ...paragraphs(pillarSummary(c, pillar)),
        ...listBlock(renderKey(set, "pillar.figures", { period: c.period }), figures),
        ...listBlock(renderKey(set, "documents.intro", {}), documents),
      ];
      return {
        heading: renderKey(set, "pillar.heading", { pillar: pick(set, pillar.nameVi, pillar.nameEn) }),
        blocks,
      };
    })
    .filter((s) => s.blocks.length > 0);
}
