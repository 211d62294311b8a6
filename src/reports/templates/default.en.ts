import type { TemplateKey } from "./keys.ts";

const named = (list: string) =>
  `{{#each ${list} sep=", " last=" and "}}“{{name}}”{{#if sample}} (sample){{/if}}{{/each}}`;

/** The English wording shipped with chiso, with the same structure as the Vietnamese. */
export const defaultEn: Record<TemplateKey, string> = {
  "header.parentBody": "PEOPLE'S COMMITTEE OF {{parent|upper}}",
  "header.number": "No.: …/BC-{{abbrev}}",
  "header.nation": "SOCIALIST REPUBLIC OF VIET NAM",
  "header.motto": "Independence - Freedom - Happiness",
  "header.placeDate": "{{place}}, {{date}}",
  "title.kind": "REPORT",
  "title.subject": "Progress of the {{planName}} up to the end of {{period}}",
  "plan.shortName": "the {{year}} digital-transformation plan",
  opening:
    "In implementing the {{planName}}{{#if planDocument}} ({{planDocument}}){{/if}} of {{planIssuer}}, " +
    "the {{reporter}} reports the results up to the end of {{period}} as follows:",
  "section.results": "RESULTS",
  "reporting.summary":
    "{{#if expected}}The figures are compiled from {{approved}} of {{expected}} approved reports of the agencies " +
    "and localities for {{period}}{{#if late}}, {{late}} of them submitted late{{/if}}" +
    "{{#if missing}}; {{missing}} agencies or localities have no approved report yet{{/if}}." +
    "{{else}}No agency or locality had to report for {{period}}.{{/if}}",
  "plan.summary":
    "Up to the end of {{period}}, {{done}} of {{total}} indicators of {{planShortName}} are done" +
    "{{#if likely}}; {{likely}} are likely to be met{{/if}}" +
    "{{#if atRisk}}; {{atRisk}} are at risk{{/if}}" +
    "{{#if dependent}}; {{dependent}} depend on other bodies{{/if}}" +
    "{{#if discontinued}}; {{discontinued}} are no longer assessed{{/if}}" +
    "{{#if noData}}; {{noData}} have no data{{/if}}.",
  "pillar.heading": "{{pillar}}",
  "pillar.summary":
    "{{#if total}}{{done}} of {{total}} indicators of {{planShortName}} done" +
    `{{#if likely}}; {{likely}} likely to be met{{#if likelyItems}} (${named("likelyItems")}){{/if}}{{/if}}` +
    "{{#if atRisk}}; {{atRisk}} at risk{{#if atRiskItems}} (" +
    '{{#each atRiskItems sep="; "}}“{{name}}”{{#if sample}} (sample){{/if}}{{#if reason}}: {{reason|lcfirst}}{{/if}}{{/each}}' +
    "){{/if}}{{/if}}" +
    '{{#if dependent}}; {{dependent}} dependent {{#each dependentGroups sep="; "}}' +
    `{{#if body}}on {{body}} {{/if}}(${named("items")}){{/each}}{{/if}}` +
    "{{#if discontinued}}; {{discontinued}} no longer assessed{{#if discontinuedItems}} (" +
    '{{#each discontinuedItems sep=", " last=" and "}}“{{name}}”{{#if sample}} (sample){{/if}}{{#if decision}} under {{decision}}{{/if}}{{/each}}' +
    "){{/if}}{{/if}}" +
    `{{#if noData}}; {{noData}} without data{{#if noDataItems}} (${named("noDataItems")}){{/if}}{{/if}}.{{/if}}`,
  "pillar.figures": "Key figures up to the end of {{period}}:",
  "figure.item":
    "{{label}}: {{value}}{{#if whole}} of {{whole}}{{/if}}{{#if unit}} {{unit}}{{/if}}{{#if share}} ({{share}}){{/if}}" +
    "{{#if previous}}; previous period: {{previous}}{{/if}}.",
  "documents.heading": "Directives and documents issued",
  "documents.intro": "Documents issued:",
  "document.item": "{{issuer}} issued {{number}} on {{date}}: {{summary}}{{#if sample}} (sample){{/if}}.",
  "section.difficulties": "DIFFICULTIES AND OBSTACLES",
  "section.proposals": "PROPOSALS AND RECOMMENDATIONS",
  "narrative.item":
    '{{text}} ({{#each units sep=", "}}{{name}}{{/each}}{{#if more}} and {{more}} other units{{/if}}).',
  "difficulties.none": "No agency or locality reported difficulties in the period.",
  "proposals.none": "No agency or locality made proposals in the period.",
  closing:
    "This is the report of the {{reporter}} on digital-transformation results up to the end of {{period}}, " +
    "respectfully submitted to {{recipient}} for consideration and direction.",
  recipients: "Recipients:\n- {{recipient}} (for report);\n- Archive: VT, {{abbrev}}.",
  "signature.title": "DIRECTOR",
  "signature.name": "",
  "appendix.title": "APPENDIX",
  "appendix.subject": "Indicators of {{planShortName}} up to the end of {{period}}",
  "appendix.reference": "(Attached to report No. …/BC-{{abbrev}} of {{date}} by the {{reporter}})",
  "table.indicator": "{{name}}{{#if sample}} (sample){{/if}}",
  "table.status": "{{status}}{{#if overridden}} (overridden){{/if}}",
  "table.reason":
    "{{#if dependsOn}}Depends on {{dependsOn}}. {{/if}}{{#if decision}}Under {{decision}}. {{/if}}{{reason}}",
  "status.done": "Done",
  "status.likely": "Likely",
  "status.at_risk": "At risk",
  "status.dependent": "Dependent",
  "status.discontinued": "Discontinued",
  "status.no_data": "No data",
  "milestone.reached": "Done",
  "milestone.pending": "Not done",
  "value.noData": "no data",
};
