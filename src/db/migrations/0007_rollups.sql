CREATE TABLE "rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"built" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollups" (
	"metric_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"value_sum" double precision DEFAULT 0 NOT NULL,
	"value_count" integer DEFAULT 0 NOT NULL,
	"weighted_sum" double precision DEFAULT 0 NOT NULL,
	"weight_sum" double precision DEFAULT 0 NOT NULL,
	"weighted_count" integer DEFAULT 0 NOT NULL,
	"negative_weights" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollups_metric_id_unit_id_period_start_period_pk" PRIMARY KEY("metric_id","unit_id","period_start","period")
);
--> statement-breakpoint
-- A database that already holds values is not built yet: `chiso migrate` backfills it (rollups rebuild).
INSERT INTO "rollup_state" ("id", "built") SELECT 1, NOT EXISTS (SELECT 1 FROM "data_values");
