import {
  date,
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
import { bytea } from "./columns.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";

/**
 * The stages of an index cycle (kỳ đánh giá): opened, units assess themselves, sector
 * departments appraise, the council decides, the People's Committee publishes.
 */
export const assessmentStatus = pgEnum("assessment_status", [
  "open",
  "self_assessment",
  "appraisal",
  "council",
  "published",
]);
/** A unit's own self-assessment: being filled in, or submitted by its approver (then locked). */
export const selfAssessmentStatus = pgEnum("self_assessment_status", ["draft", "submitted"]);
export const appraisalAction = pgEnum("appraisal_action", ["confirm", "adjust"]);

/** Bộ chỉ số: a framework as data, validated by the domain's `parseFramework` before it is saved. */
export const indexFrameworks = pgTable(
  "index_frameworks",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    /** Frameworks of one lineage succeed each other year by year; results compare within it. */
    lineage: text("lineage").notNull(),
    year: integer("year").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    definition: jsonb("definition").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("index_frameworks_code_uq").on(t.code),
    index("index_frameworks_lineage_idx").on(t.lineage),
  ],
);

/** Kỳ đánh giá: one year's assessment of a set of units on a framework. */
export const assessments = pgTable(
  "assessments",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => indexFrameworks.id),
    year: integer("year").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    status: assessmentStatus("status").notNull().default("open"),
    selfAssessmentDue: date("self_assessment_due").notNull(),
    appraisalDue: date("appraisal_due").notNull(),
    /** Criterion code → the unit that verifies it (đơn vị thẩm định); absent: the council alone. */
    verifiers: jsonb("verifiers").$type<Record<string, number>>().notNull().default({}),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    finalisedBy: integer("finalised_by").references(() => users.id),
    /** The decision approving the results, e.g. "1019/QĐ-UBND-HC" of 2023-09-30. */
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    announcedOn: date("announced_on"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: integer("published_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assessments_code_uq").on(t.code),
    index("assessments_framework_idx").on(t.frameworkId),
  ],
);

/** A unit taking part in an assessment, in its ranking group. */
export const assessmentUnits = pgTable(
  "assessment_units",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    groupCode: text("group_code").notNull(),
    status: selfAssessmentStatus("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.unitId] })],
);

/**
 * One criterion of one unit: the value it reported (tự đánh giá), the appraiser's decision
 * (thẩm định) and the council's (hội đồng). Points are never stored: they follow from the
 * values through the framework's scoring rules.
 */
export const assessmentValues = pgTable(
  "assessment_values",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    criterionCode: text("criterion_code").notNull(),
    selfValue: jsonb("self_value"),
    selfNote: text("self_note"),
    /** "manual", or "reports" when filled from the approved monthly reports. */
    selfSource: text("self_source").notNull().default("manual"),
    selfUpdatedAt: timestamp("self_updated_at", { withTimezone: true }),
    selfUpdatedBy: integer("self_updated_by").references(() => users.id),
    /** Goes up with each save of the self value, so a save from a stale screen is refused. */
    selfVersion: integer("self_version").notNull().default(0),
    appraisalAction: appraisalAction("appraisal_action"),
    appraisedValue: jsonb("appraised_value"),
    appraisalReason: text("appraisal_reason"),
    appraisedAt: timestamp("appraised_at", { withTimezone: true }),
    appraisedBy: integer("appraised_by").references(() => users.id),
    councilValue: jsonb("council_value"),
    councilReason: text("council_reason"),
    councilAt: timestamp("council_at", { withTimezone: true }),
    councilBy: integer("council_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.unitId, t.criterionCode] })],
);

/** Tài liệu kiểm chứng: a document reference, a link, or an uploaded file, for one criterion. */
export const assessmentEvidence = pgTable(
  "assessment_evidence",
  {
    id: serial("id").primaryKey(),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    criterionCode: text("criterion_code").notNull(),
    documentNumber: text("document_number"),
    documentDate: date("document_date"),
    summary: text("summary"),
    url: text("url"),
    /** Sanitised; never used as a path. */
    fileName: text("file_name"),
    /** From our whitelist, never the client's word. */
    contentType: text("content_type"),
    fileSize: integer("file_size"),
    sha256: text("sha256"),
    content: bytea("content"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [index("assessment_evidence_idx").on(t.assessmentId, t.unitId, t.criterionCode)],
);
