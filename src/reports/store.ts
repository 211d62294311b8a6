import { and, eq } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { reportTemplates, users } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { TemplateError } from "./template/index.ts";
import {
  compileTemplate,
  defaultBody,
  REPORT_LANGS,
  type ReportLang,
  TEMPLATE_DESCRIPTIONS,
  TEMPLATE_KEYS,
  TEMPLATE_SPECS,
  type TemplateKey,
  type TemplateSet,
  templateSet,
} from "./templates/index.ts";

/** One template as the admin screen shows it: the wording in force, the default, its variables. */
export interface TemplateView {
  key: TemplateKey;
  lang: ReportLang;
  body: string;
  defaultBody: string;
  customized: boolean;
  /** False when a saved wording no longer fits its variables; the default is used meanwhile. */
  valid: boolean;
  description: string;
  descriptionEn: string;
  variables: Record<string, unknown>;
  updatedBy: string | null;
  updatedAt: string | null;
}

interface SavedRow {
  key: string;
  lang: string;
  body: string;
  updatedBy: string | null;
  updatedAt: Date;
}

async function savedRows(conn: Conn, lang?: ReportLang): Promise<SavedRow[]> {
  return conn
    .select({
      key: reportTemplates.key,
      lang: reportTemplates.lang,
      body: reportTemplates.body,
      updatedBy: users.username,
      updatedAt: reportTemplates.updatedAt,
    })
    .from(reportTemplates)
    .leftJoin(users, eq(users.id, reportTemplates.updatedBy))
    .where(lang ? eq(reportTemplates.lang, lang) : undefined);
}

function fits(key: TemplateKey, body: string): boolean {
  try {
    compileTemplate(key, body);
    return true;
  } catch {
    return false;
  }
}

function view(key: TemplateKey, lang: ReportLang, saved: SavedRow | undefined): TemplateView {
  const fallback = defaultBody(key, lang);
  return {
    key,
    lang,
    body: saved?.body ?? fallback,
    defaultBody: fallback,
    customized: saved !== undefined,
    valid: saved === undefined || fits(key, saved.body),
    description: TEMPLATE_DESCRIPTIONS[key].vi,
    descriptionEn: TEMPLATE_DESCRIPTIONS[key].en,
    variables: TEMPLATE_SPECS[key],
    updatedBy: saved?.updatedBy ?? null,
    updatedAt: saved ? saved.updatedAt.toISOString() : null,
  };
}

/** Every template in one or both languages, in the order of the report. */
export async function listTemplates(conn: Conn, lang?: ReportLang): Promise<TemplateView[]> {
  const rows = await savedRows(conn, lang);
  const langs = lang ? [lang] : REPORT_LANGS;
  return langs.flatMap((l) =>
    TEMPLATE_KEYS.map((k) =>
      view(
        k,
        l,
        rows.find((r) => r.key === k && r.lang === l),
      ),
    ),
  );
}

/** The wording a report in `lang` is written with: the defaults and the admin's changes. */
export async function loadTemplateSet(conn: Conn, lang: ReportLang): Promise<TemplateSet> {
  const rows = await savedRows(conn, lang);
  const known = new Set<string>(TEMPLATE_KEYS);
  return templateSet(
    lang,
    new Map(rows.filter((r) => known.has(r.key)).map((r) => [r.key as TemplateKey, r.body])),
  );
}

/** Checks an admin's wording; 400 at `path` with the position of the first problem. */
function checked(key: TemplateKey, body: string, path: string): string {
  const text = nfc(body);
  try {
    compileTemplate(key, text);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw invalid(fieldIssue(path, error.messageVi, error.messageEn, error.code));
  }
  return text;
}

/** Saves an admin's wording for one template, with its audit row, in one transaction. */
export async function saveTemplate(
  db: Db,
  actor: Actor,
  key: TemplateKey,
  lang: ReportLang,
  body: string,
  path = "body",
): Promise<TemplateView> {
  const text = checked(key, body, path);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ body: reportTemplates.body })
      .from(reportTemplates)
      .where(and(eq(reportTemplates.key, key), eq(reportTemplates.lang, lang)));
    await tx
      .insert(reportTemplates)
      .values({ key, lang, body: text, updatedBy: actor.userId, updatedAt: clock.now() })
      .onConflictDoUpdate({
        target: [reportTemplates.key, reportTemplates.lang],
        set: { body: text, updatedBy: actor.userId, updatedAt: clock.now() },
      });
    await recordAudit(tx, actor, {
      action: "report_template.save",
      objectType: "report_template",
      objectId: `${key}/${lang}`,
      before: before ?? null,
      after: { body: text },
    });
  });
  const rows = await savedRows(db, lang);
  return view(
    key,
    lang,
    rows.find((r) => r.key === key),
  );
}

/** Back to the default wording; returns false (and writes nothing) when there was no change. */
export async function resetTemplate(
  db: Db,
  actor: Actor,
  key: TemplateKey,
  lang: ReportLang,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(reportTemplates)
      .where(and(eq(reportTemplates.key, key), eq(reportTemplates.lang, lang)))
      .returning({ body: reportTemplates.body });
    if (deleted.length === 0) return false;
    await recordAudit(tx, actor, {
      action: "report_template.reset",
      objectType: "report_template",
      objectId: `${key}/${lang}`,
      before: deleted[0],
      after: null,
    });
    return true;
  });
}
