import { formatCountEn, formatCountVi, formatNumber, type Lang } from "../../domain/format/index.ts";
import type { Filter, Template, TemplateNode, TemplateRecord, TemplateValue } from "./ast.ts";
import { TemplateError } from "./errors.ts";

/** The most text one template may produce: long lists of units are cut before this. */
export const MAX_OUTPUT_LENGTH = 200_000;

interface Scope {
  readonly record: TemplateRecord;
  readonly parent: Scope | null;
}

/**
 * Renders a checked template. Values print as plain text: escaping for Markdown or HTML is
 * the renderer's job, since the same words go to Word and PDF too. Numbers print in the
 * language's format (1.205.780), `|count` in the official two-digit style (01).
 * A variable missing from the context is a programming error and throws.
 */
export function renderTemplate(template: Template, context: TemplateRecord, lang: Lang): string {
  const out: string[] = [];
  const budget = { left: MAX_OUTPUT_LENGTH };
  renderNodes(template, { record: context, parent: null }, lang, out, budget);
  return out.join("");
}

function emit(out: string[], text: string, budget: { left: number }): void {
  budget.left -= text.length;
  if (budget.left < 0) {
    throw new TemplateError(
      "OUTPUT_TOO_LONG",
      1,
      `Kết quả dài quá ${MAX_OUTPUT_LENGTH} ký tự`,
      `The output is longer than ${MAX_OUTPUT_LENGTH} characters`,
    );
  }
  out.push(text);
}

function renderNodes(
  nodes: Template,
  scope: Scope,
  lang: Lang,
  out: string[],
  budget: { left: number },
): void {
  for (const node of nodes) renderNode(node, scope, lang, out, budget);
}

function renderNode(node: TemplateNode, scope: Scope, lang: Lang, out: string[], budget: { left: number }) {
  if (node.kind === "text") return emit(out, node.text, budget);
  const value = lookup(scope, node.name);
  if (node.kind === "value") return emit(out, printable(value, node.filter, lang), budget);
  if (node.kind === "if") {
    const branch = truthy(value) !== node.negate ? node.body : node.otherwise;
    return renderNodes(branch, scope, lang, out, budget);
  }
  const items = Array.isArray(value) ? (value as readonly TemplateRecord[]) : [];
  items.forEach((item, i) => {
    if (i > 0) emit(out, i === items.length - 1 ? node.lastSeparator : node.separator, budget);
    const loop = { "@first": i === 0, "@last": i === items.length - 1, "@index": i + 1 };
    renderNodes(node.body, { record: item, parent: { record: loop, parent: scope } }, lang, out, budget);
  });
}

function lookup(scope: Scope, name: string): TemplateValue {
  for (let s: Scope | null = scope; s !== null; s = s.parent) {
    if (Object.hasOwn(s.record, name)) return s.record[name] as TemplateValue;
  }
  throw new Error(`template context lacks '${name}'`);
}

/** False, null, "", 0 and an empty list are false: a clause about zero indicators is left out. */
function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function printable(value: TemplateValue, filter: Filter | null, lang: Lang): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (filter === "count") return lang === "vi" ? formatCountVi(value) : formatCountEn(value);
    return formatNumber(value, Number.isInteger(value) ? 0 : 2, lang);
  }
  if (typeof value !== "string") throw new Error("only text and numbers can be printed");
  if (filter === "upper") return value.toLocaleUpperCase("vi");
  if (filter === "lcfirst") return lowerFirst(value);
  return value;
}

/**
 * Lower-cases the first letter to continue a sentence ("Tháng 9/2023" → "tháng 9/2023"),
 * but leaves acronyms and codes alone ("LGSP", "UBND tỉnh", "OCOP").
 */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/, 1)[0] ?? "";
  const capitals = [...firstWord].filter((c) => c !== c.toLocaleLowerCase("vi")).length;
  if (capitals !== 1) return text;
  const [first = "", ...rest] = [...text];
  return first.toLocaleLowerCase("vi") + rest.join("");
}
