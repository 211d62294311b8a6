import { formatDateEn, formatDateVi } from "../domain/format/index.ts";
import type { NarrativeGroup, PlanReportData } from "../plans/report-data.ts";
import { documentItem, listBlock, pillarSubsections, type SentenceContext } from "./compose-pillars.ts";
import { composeTables } from "./compose-tables.ts";
import { abbreviation, clause, longDate, pick } from "./compose-values.ts";
import type { Block, ReportDocument, Section, Subsection } from "./document.ts";
import { renderKey, type TemplateSet } from "./templates/index.ts";

/** How many units a difficulty or proposal names before "và 12 đơn vị khác". */
export const UNITS_NAMED = 5;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * Writes the report for a plan and a period in the official style, every sentence from the
 * templates: a pure function of the data and the wording.
 */
export function composeReport(data: PlanReportData, set: TemplateSet): ReportDocument {
  const period = set.lang === "vi" ? data.period.labelVi : data.period.labelEn;
  const planName = pick(set, data.plan.nameVi, data.plan.nameEn);
  const reporter = pick(set, data.reporter.nameVi, data.reporter.nameEn);
  const recipient = pick(set, data.plan.issuingBodyVi, data.plan.issuingBodyEn);
  const abbrev = abbreviation(data.reporter.nameVi);
  const planShortName = renderKey(set, "plan.shortName", { planName, year: String(data.plan.year) });
  const c: SentenceContext = { set, data, planShortName, period };
  const { table, tables } = composeTables(set, data);
  return {
    lang: set.lang,
    header: {
      parentBody: renderKey(set, "header.parentBody", {
        parent: pick(set, data.reporter.parentNameVi, data.reporter.parentNameEn),
      }),
      issuingBody: reporter.toLocaleUpperCase("vi"),
      number: renderKey(set, "header.number", { abbrev }),
      nation: renderKey(set, "header.nation", {}),
      motto: renderKey(set, "header.motto", {}),
      placeDate: renderKey(set, "header.placeDate", {
        place: data.reporter.placeVi,
        date: longDate(set, data.reportDate),
      }),
    },
    title: {
      kind: renderKey(set, "title.kind", {}),
      subject: renderKey(set, "title.subject", { planName, period }),
    },
    opening: [
      renderKey(set, "opening", {
        reporter,
        planName,
        planDocument: data.plan.documentRefVi,
        planIssuer: recipient,
        period,
      }),
    ],
    sections: numbered([
      resultsSection(c),
      narrativeSection(set, "section.difficulties", "difficulties.none", data.difficulties),
      narrativeSection(set, "section.proposals", "proposals.none", data.proposals),
    ]),
    closing: renderKey(set, "closing", { reporter, recipient, period }),
    recipients: splitHeading(renderKey(set, "recipients", { recipient, abbrev })),
    signature: lines(renderKey(set, "signature.title", {})),
    signer: renderKey(set, "signature.name", {}).trim() || null,
    appendix: {
      title: renderKey(set, "appendix.title", {}),
      subject: renderKey(set, "appendix.subject", { planShortName, period }),
      reference: renderKey(set, "appendix.reference", {
        abbrev,
        date: longDate(set, data.reportDate),
        reporter,
      }),
      table,
    },
    tables,
  };
}

type Unnumbered = Omit<Section, "number" | "subsections"> & { subsections: Omit<Subsection, "number">[] };

function numbered(sections: Unnumbered[]): Section[] {
  return sections.map((s, i) => ({
    ...s,
    number: ROMAN[i] ?? String(i + 1),
    subsections: s.subsections.map((sub, j) => ({ ...sub, number: String(j + 1) })),
  }));
}

function resultsSection(c: SentenceContext): Unnumbered {
  const { set, data } = c;
  const date = (iso: string) => (set.lang === "vi" ? formatDateVi(iso) : formatDateEn(iso));
  const t = data.totals;
  const blocks: Block[] = [
    renderKey(set, "reporting.summary", { period: c.period, ...data.reporting }),
    renderKey(set, "plan.summary", {
      planShortName: c.planShortName,
      period: c.period,
      total: t.total,
      done: t.done,
      likely: t.likely,
      atRisk: t.at_risk,
      dependent: t.dependent,
      discontinued: t.discontinued,
      noData: t.no_data,
    }),
  ]
    .filter((text) => text !== "")
    .map((text) => ({ kind: "paragraph", text }));
  const pillarCodes = new Set(data.pillars.map((p) => p.code));
  const unfiled = data.documents
    .filter((d) => d.pillarCode === null || !pillarCodes.has(d.pillarCode))
    .map((d) => documentItem(set, d, date));
  const documents = listBlock("", unfiled);
  const subsections = [...pillarSubsections(c, date)];
  if (documents.length > 0)
    subsections.push({ heading: renderKey(set, "documents.heading", {}), blocks: documents });
  return { heading: renderKey(set, "section.results", {}), blocks, subsections };
}

function narrativeSection(
  set: TemplateSet,
  heading: "section.difficulties" | "section.proposals",
  none: "difficulties.none" | "proposals.none",
  groups: readonly NarrativeGroup[],
): Unnumbered {
  // The most widely shared concern first: it is the one leaders should act on.
  const items = [...groups]
    .sort((a, b) => b.units.length - a.units.length)
    .map((g) =>
      renderKey(set, "narrative.item", {
        text: clause(g.text),
        units: g.units.slice(0, UNITS_NAMED).map((u) => ({ name: u.nameVi })),
        more: Math.max(0, g.units.length - UNITS_NAMED),
      }),
    );
  const blocks: Block[] =
    items.length > 0 ? listBlock("", items) : [{ kind: "paragraph", text: renderKey(set, none, {}) }];
  return { heading: renderKey(set, heading, {}), blocks, subsections: [] };
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function splitHeading(text: string): { heading: string; lines: string[] } {
  const [heading = "", ...rest] = lines(text);
  return { heading, lines: rest };
}
