import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Mẫu văn bản báo cáo: an admin's wording for one template of the plan report in one language.
 * Only changed templates have a row; the others come from the defaults shipped in code.
 */
export const reportTemplates = pgTable(
  "report_templates",
  {
    key: text("key").notNull(),
    lang: text("lang").notNull(),
    body: text("body").notNull(),
    /** Null when the system wrote it. */
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.lang] }),
    check("report_templates_lang_ck", sql`${t.lang} in ('vi', 'en')`),
  ],
);
