import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Territorial units form the administrative tree; agencies (Sở, ngành) hang beside it. */
export const unitKind = pgEnum("unit_kind", ["territorial", "agency"]);

/** Đơn vị: a province, district, commune, hamlet, or a department/agency. */
export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    kind: unitKind("kind").notNull(),
    /** Official type word, e.g. tỉnh, huyện, thành phố, xã, phường, thị trấn, sở/ngành. */
    type: text("type").notNull(),
    /** Free grouping used for ranking and forms, e.g. "department-with-services". */
    groupCode: text("group_code"),
    validFrom: date("valid_from").notNull(),
    /** Exclusive end: the first day the unit no longer exists. */
    validTo: date("valid_to"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A code is unique per day, not for all time (codes are reused after a reform): the unit
    // service refuses overlapping validity (src/units/service.ts, assertCodeFree); the database
    // keeps at most one open unit per code.
    index("units_code_idx").on(t.code, t.validFrom),
    uniqueIndex("units_open_code_uq").on(t.code).where(sql`${t.validTo} is null`),
    check("units_validity_ck", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/**
 * Dated placement of a unit in the tree: its parent and level over an interval.
 * A move or the 2025 abolition of districts closes one placement and opens another,
 * so the 2023 tree stays answerable after the change.
 */
export const unitPlacements = pgTable(
  "unit_placements",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    parentId: integer("parent_id").references(() => units.id),
    level: integer("level").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [
    index("unit_placements_unit_idx").on(t.unitId, t.validFrom),
    index("unit_placements_parent_idx").on(t.parentId, t.validFrom),
    check("unit_placements_level_ck", sql`${t.level} between 1 and 6`),
    check("unit_placements_validity_ck", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const successionKind = pgEnum("succession_kind", ["merge", "split", "rename", "reclassify"]);

/** Kế thừa: a closed unit handed over to one or more successors on a date. */
export const unitSuccessions = pgTable(
  "unit_successions",
  {
    id: serial("id").primaryKey(),
    predecessorId: integer("predecessor_id")
      .notNull()
      .references(() => units.id),
    successorId: integer("successor_id")
      .notNull()
      .references(() => units.id),
    kind: successionKind("kind").notNull(),
    effectiveDate: date("effective_date").notNull(),
    /** The decision that made the change, e.g. "Nghị quyết 1663/NQ-UBTVQH15". */
    decision: text("decision"),
  },
  (t) => [uniqueIndex("unit_successions_uq").on(t.predecessorId, t.successorId)],
);
