import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Ranh giới hành chính: the boundary map an admin loaded for one level of the tree (districts,
 * communes), as a GeoJSON FeatureCollection whose features carry only the unit's `code`. The
 * leaders' screen draws a choropleth from it; without one it draws its tile map.
 */
export const unitBoundaries = pgTable("unit_boundaries", {
  level: integer("level").primaryKey(),
  features: jsonb("features").notNull(),
  featureCount: integer("feature_count").notNull(),
  uploadedByName: text("uploaded_by_name").notNull(),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
