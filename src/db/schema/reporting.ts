import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { DueRule } from "../../domain/period/index.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";

export const valueType = pgEnum("value_type", ["integer", "number", "percent", "boolean", "text"]);
/**
 * How values combine over units and periods. `sum` for flows; `last` for stocks
 * (last period in time, summed over units); `average` (weighted when the metric names
 * a weight metric); `formula` for ratios computed from aggregated parts; `none`.
 */
export const aggregationType = pgEnum("aggregation_type", ["sum", "average", "last", "formula", "none"]);
export const periodType = pgEnum("period_type", ["month", "quarter", "half_year", "year"]);
export const submissionStatus = pgEnum("submission_status", ["draft", "submitted", "approved", "returned"]);
export const ruleSeverity = pgEnum("rule_severity", ["error", "warning"]);

/** Chỉ số thống kê: a figure units report. */
export const metrics = pgTable(
  "metrics",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    valueType: valueType("value_type").notNull(),
    aggregation: aggregationType("aggregation").notNull(),
    /** Đơn vị tính, e.g. "dịch vụ", "thuê bao", "%". */
    unitOfMeasure: text("unit_of_measure"),
    minValue: doublePrecision("min_value"),
    maxValue: doublePrecision("max_value"),
    /** For `formula` metrics: an expression over other metric codes, evaluated after aggregation. */
    formula: text("formula"),
    /** For `average` metrics: the metric whose values weight the average. */
    weightMetricId: integer("weight_metric_id"),
    description: text("description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("metrics_code_uq").on(t.code),
    check(
      "metrics_range_ck",
      sql`${t.minValue} is null or ${t.maxValue} is null or ${t.minValue} <= ${t.maxValue}`,
    ),
  ],
);

export type { DueRule };

export type NarrativeSection = { code: string; nameVi: string; nameEn: string };

/** Biểu mẫu báo cáo. */
export const forms = pgTable(
  "forms",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    periodType: periodType("period_type").notNull(),
    dueRule: jsonb("due_rule").$type<DueRule>().notNull(),
    /** Days after the due date when the form locks; null means never. */
    lockAfterDays: integer("lock_after_days"),
    sections: jsonb("sections").$type<NarrativeSection[]>().notNull().default([]),
    /** First period that may be reported, e.g. "202308". */
    openFrom: text("open_from"),
    /**
     * Tách bạch nhiệm vụ: false (the default) means the person who submitted a report may not
     * approve it; a form kept by a one-person office can allow it.
     */
    submitterMayApprove: boolean("submitter_may_approve").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("forms_code_uq").on(t.code)],
);

export const formMetrics = pgTable(
  "form_metrics",
  {
    formId: integer("form_id")
      .notNull()
      .references(() => forms.id, { onDelete: "cascade" }),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    /**
     * The form version (phiên bản) the row belongs to: its first period, e.g. "202701"; '' for
     * the first version. A period reports on the version with the latest validFrom not after it.
     */
    validFrom: text("valid_from").notNull().default(""),
    position: integer("position").notNull(),
    required: boolean("required").notNull().default(false),
    /** The unit groups (nhóm đơn vị) that report the metric, e.g. {commune}; null: every group. */
    groups: text("groups").array(),
  },
  (t) => [primaryKey({ columns: [t.formId, t.validFrom, t.metricId] })],
);

/** The units that must report a form. */
export const formUnits = pgTable(
  "form_units",
  {
    formId: integer("form_id")
      .notNull()
      .references(() => forms.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.formId, t.unitId] })],
);

/** Quy tắc kiểm tra: an expression over metric codes that must hold. */
export const validationRules = pgTable(
  "validation_rules",
  {
    id: serial("id").primaryKey(),
    formId: integer("form_id")
      .notNull()
      .references(() => forms.id, { onDelete: "cascade" }),
    /** The form version the rule belongs to, as `form_metrics.valid_from`. */
    validFrom: text("valid_from").notNull().default(""),
    code: text("code").notNull(),
    expression: text("expression").notNull(),
    severity: ruleSeverity("severity").notNull(),
    messageVi: text("message_vi").notNull(),
    messageEn: text("message_en").notNull(),
  },
  (t) => [uniqueIndex("validation_rules_uq").on(t.formId, t.validFrom, t.code)],
);

/** Báo cáo: one per form, unit and period. */
export const submissions = pgTable(
  "submissions",
  {
    id: serial("id").primaryKey(),
    formId: integer("form_id")
      .notNull()
      .references(() => forms.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** Canonical period identifier: 202309, 2023Q3, 2023S2, 2023. */
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    status: submissionStatus("status").notNull().default("draft"),
    /** Optimistic concurrency: every write bumps it; a write based on an older one gets 409. */
    version: integer("version").notNull().default(1),
    narrative: jsonb("narrative").$type<Record<string, string>>().notNull().default({}),
    dueDate: date("due_date").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
    late: boolean("late").notNull().default(false),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: integer("approved_by").references(() => users.id),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: integer("returned_by").references(() => users.id),
    returnReason: text("return_reason"),
    /** An admin may reopen a locked submission until this moment. */
    reopenedUntil: timestamp("reopened_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("submissions_uq").on(t.formId, t.unitId, t.period),
    index("submissions_period_idx").on(t.formId, t.period),
    index("submissions_unit_idx").on(t.unitId, t.periodStart),
    // Analytics finds a unit's approved reports of some periods from this index alone (an
    // index-only scan): the departments' own values of a national quarter read in half the time.
    index("submissions_approved_idx")
      .on(t.unitId, t.periodStart, t.periodEnd, t.id)
      .where(sql`${t.status} = 'approved'`),
  ],
);

/** One reported value. Unit and period are copied from the submission for analytics. */
export const dataValues = pgTable(
  "data_values",
  {
    // No foreign keys: each costs a row-by-row check on bulk COPY (see docs/scaling.md, "Bulk
    // loads"). The report is checked and locked once per statement by a trigger of migration
    // 0011, which also deletes a deleted report's values, as the key's ON DELETE CASCADE did.
    // unit_id is the report's unit; the metric is one of the form's (checked on every write),
    // and a trigger of migration 0008 refuses to delete a metric that has values.
    submissionId: integer("submission_id").notNull(),
    metricId: integer("metric_id").notNull(),
    unitId: integer("unit_id").notNull(),
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    /** Numeric and boolean (1/0) values. */
    value: doublePrecision("value"),
    textValue: text("text_value"),
    comment: text("comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.metricId] }),
    index("data_values_metric_idx").on(t.metricId, t.periodStart, t.unitId),
    // Analytics of one unit's subtree (a commune's dashboard) reads by unit, not by metric.
    index("data_values_unit_idx").on(t.unitId, t.periodStart),
  ],
);
