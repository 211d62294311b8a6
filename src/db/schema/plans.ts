import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";

export const planStatus = pgEnum("plan_status", ["draft", "active", "closed"]);
export const indicatorKind = pgEnum("indicator_kind", ["numeric", "percent", "milestone", "unit_count"]);
export const indicatorDirection = pgEnum("indicator_direction", ["up", "down"]);
/** `formula`: computed from the approved reports; `progress`: updates entered by people. */
export const indicatorSource = pgEnum("indicator_source", ["formula", "progress"]);
/** `cleared` ends an earlier declaration from its period on. */
export const declarationKind = pgEnum("declaration_kind", ["dependent", "discontinued", "cleared"]);
export const overrideStatus = pgEnum("override_status", ["done", "likely", "at_risk"]);

/** Kế hoạch chuyển đổi số: a yearly plan adopted by a body, tracked by a reporting unit. */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    year: integer("year").notNull(),
    status: planStatus("status").notNull().default("draft"),
    issuingBodyVi: text("issuing_body_vi").notNull(),
    issuingBodyEn: text("issuing_body_en"),
    /** e.g. "Kế hoạch số 99/KH-UBND ngày 16/03/2023". */
    documentRefVi: text("document_ref_vi"),
    /** The unit that writes the monthly report on the plan (Sở TT&TT). */
    reportingUnitId: integer("reporting_unit_id")
      .notNull()
      .references(() => units.id),
    /** The subtree formulas are aggregated over (the province). */
    scopeUnitId: integer("scope_unit_id")
      .notNull()
      .references(() => units.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("plans_code_uq").on(t.code),
    check("plans_year_ck", sql`${t.year} between 1900 and 2100`),
  ],
);

/** Trụ cột: an ordered chapter of the plan. */
export const planPillars = pgTable(
  "plan_pillars",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("plan_pillars_uq").on(t.planId, t.code)],
);

/** Chỉ tiêu: what the plan aims at, measured by a formula or by progress updates. */
export const planIndicators = pgTable(
  "plan_indicators",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    pillarId: integer("pillar_id")
      .notNull()
      .references(() => planPillars.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    kind: indicatorKind("kind").notNull(),
    direction: indicatorDirection("direction").notNull(),
    baseline: doublePrecision("baseline"),
    baselineDate: date("baseline_date").notNull(),
    target: doublePrecision("target").notNull(),
    deadline: date("deadline").notNull(),
    /** For unit_count: how many units there are (12 districts). */
    unitTotal: integer("unit_total"),
    unitOfMeasureVi: text("unit_of_measure_vi"),
    source: indicatorSource("source").notNull(),
    /** For `formula`: an expression over metric codes, evaluated on the scope unit's aggregates. */
    formula: text("formula"),
    position: integer("position").notNull(),
    /** Invented for the demo, not from the source document. */
    sample: boolean("sample").notNull().default(false),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("plan_indicators_uq").on(t.planId, t.code),
    index("plan_indicators_pillar_idx").on(t.pillarId),
    check("plan_indicators_source_ck", sql`(${t.source} = 'formula') = (${t.formula} is not null)`),
  ],
);

/** Đơn vị chủ trì: units whose reporters and approvers post the indicator's progress. */
export const planIndicatorUnits = pgTable(
  "plan_indicator_units",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.unitId] })],
);

/** Cập nhật tiến độ: a value entered for a period, with its evidence. */
export const planProgressUpdates = pgTable(
  "plan_progress_updates",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id),
    period: text("period").notNull(),
    periodEnd: date("period_end").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    evidenceNumber: text("evidence_number"),
    evidenceDate: date("evidence_date"),
    evidenceLink: text("evidence_link"),
    fileName: text("file_name"),
    fileType: text("file_type"),
    fileSize: integer("file_size"),
    fileSha256: text("file_sha256"),
    fileContent: bytea("file_content"),
    createdBy: integer("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_progress_indicator_idx").on(t.indicatorId, t.periodEnd),
    check(
      "plan_progress_file_ck",
      sql`(${t.fileContent} is null) = (${t.fileName} is null) and (${t.fileSize} is null or ${t.fileSize} <= 5242880)`,
    ),
  ],
);

/** Khai báo trạng thái: dependent on a body, or discontinued by a decision, from a period on. */
export const planStatusDeclarations = pgTable(
  "plan_status_declarations",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id),
    kind: declarationKind("kind").notNull(),
    body: text("body"),
    decision: text("decision"),
    reason: text("reason").notNull(),
    fromPeriod: text("from_period").notNull(),
    fromDate: date("from_date").notNull(),
    declaredBy: integer("declared_by").references(() => users.id),
    declaredByName: text("declared_by_name").notNull(),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_declarations_indicator_idx").on(t.indicatorId, t.fromDate)],
);

/** Điều chỉnh trạng thái: a person's judgement for one period, with a reason. The latest counts. */
export const planStatusOverrides = pgTable(
  "plan_status_overrides",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id),
    period: text("period").notNull(),
    status: overrideStatus("status").notNull(),
    reason: text("reason").notNull(),
    overriddenBy: integer("overridden_by").references(() => users.id),
    overriddenByName: text("overridden_by_name").notNull(),
    overriddenAt: timestamp("overridden_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_overrides_indicator_idx").on(t.indicatorId, t.period)],
);

/** Văn bản đã ban hành under the plan, e.g. "Nghị quyết số 39/NQ-HĐND" of 18/07/2023. */
export const planDocuments = pgTable(
  "plan_documents",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    pillarId: integer("pillar_id").references(() => planPillars.id),
    number: text("number").notNull(),
    date: date("date").notNull(),
    issuerVi: text("issuer_vi").notNull(),
    summaryVi: text("summary_vi").notNull(),
    summaryEn: text("summary_en"),
    /** Invented or assumed for the demo (e.g. a date the source does not give). */
    sample: boolean("sample").notNull().default(false),
  },
  (t) => [index("plan_documents_plan_idx").on(t.planId, t.date)],
);

/**
 * Số liệu nổi bật of a pillar: a metric (or a formula over metrics, named by `code`), with
 * optionally its share of another metric: "763 dịch vụ công trực tuyến toàn trình (chiếm 47,54%)".
 */
export const planKeyFigures = pgTable(
  "plan_key_figures",
  {
    id: serial("id").primaryKey(),
    pillarId: integer("pillar_id")
      .notNull()
      .references(() => planPillars.id),
    /** A metric code, or the name of the computed figure when `formula` is set. */
    code: text("code").notNull(),
    formula: text("formula"),
    shareOfMetricCode: text("share_of_metric_code"),
    labelVi: text("label_vi"),
    labelEn: text("label_en"),
    unitOfMeasureVi: text("unit_of_measure_vi"),
    /**
     * Decimals the report prints for the figure's percentages (its share, or its value when it
     * is one), as the source prints them (45,8%); null: up to two, trailing zeros dropped.
     */
    decimals: smallint("decimals"),
    /**
     * A count of units shown per level of the tree, as the source prints it: "12/12 huyện,
     * 143/143 xã" (each level's units that report the metric, over the level's units).
     */
    byLevel: boolean("by_level").notNull().default(false),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("plan_key_figures_uq").on(t.pillarId, t.code)],
);
