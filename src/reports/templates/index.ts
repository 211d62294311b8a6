import type { Lang } from "../../domain/format/index.ts";
import { nfc } from "../../domain/format/index.ts";
import {
  type ContextOf,
  checkTemplate,
  parseTemplate,
  renderTemplate,
  type Template,
  type TemplateRecord,
} from "../template/index.ts";
import { defaultEn } from "./default.en.ts";
import { defaultVi } from "./default.vi.ts";
import { TEMPLATE_KEYS, TEMPLATE_SPECS, type TemplateKey, type TemplateSpecs } from "./keys.ts";

export { TEMPLATE_DESCRIPTIONS } from "./descriptions.ts";
export {
  isTemplateKey,
  TEMPLATE_KEYS,
  TEMPLATE_SPECS,
  type TemplateKey,
  type TemplateSpecs,
} from "./keys.ts";

export type ReportLang = Lang;
export const REPORT_LANGS = ["vi", "en"] as const satisfies readonly ReportLang[];

/** The parsed templates a report is written with, in one language. */
export interface TemplateSet {
  readonly lang: ReportLang;
  readonly templates: Readonly<Record<TemplateKey, Template>>;
}

const defaults: Record<ReportLang, Record<TemplateKey, string>> = { vi: defaultVi, en: defaultEn };

export function defaultBody(key: TemplateKey, lang: ReportLang): string {
  return defaults[lang][key];
}

/** Parses a template and checks it against its key's variables; throws TemplateError. */
export function compileTemplate(key: TemplateKey, body: string): Template {
  const template = parseTemplate(nfc(body));
  checkTemplate(template, TEMPLATE_SPECS[key]);
  return template;
}

const compiledDefaults = new Map<ReportLang, Record<TemplateKey, Template>>();

function defaultTemplates(lang: ReportLang): Record<TemplateKey, Template> {
  let set = compiledDefaults.get(lang);
  if (!set) {
    set = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, compileTemplate(k, defaults[lang][k])])) as Record<
      TemplateKey,
      Template
    >;
    compiledDefaults.set(lang, set);
  }
  return set;
}

/**
 * The defaults with an admin's saved versions laid over them. A saved template that no longer
 * fits its key (the variables changed in an upgrade) is skipped, so a report is always written.
 */
export function templateSet(
  lang: ReportLang,
  saved: ReadonlyMap<TemplateKey, string> = new Map(),
): TemplateSet {
  const templates = { ...defaultTemplates(lang) };
  for (const [key, body] of saved) {
    try {
      templates[key] = compileTemplate(key, body);
    } catch {
      // keep the default; the listing shows the saved body so the admin can fix it
    }
  }
  return { lang, templates };
}

/** Renders one template, trimmed and in NFC. */
export function renderKey<K extends TemplateKey>(
  set: TemplateSet,
  key: K,
  context: ContextOf<TemplateSpecs[K]>,
): string {
  return nfc(renderTemplate(set.templates[key], context as unknown as TemplateRecord, set.lang).trim());
}
