CREATE TYPE "public"."declaration_kind" AS ENUM('dependent', 'discontinued', 'cleared');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('up', 'down');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('numeric', 'percent', 'milestone', 'unit_count');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('formula', 'progress');--> statement-breakpoint
CREATE TYPE "public"."override_status" AS ENUM('done', 'likely', 'at_risk');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'active', 'closed');--> statement-breakpoint
CREATE TABLE "plan_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"pillar_id" integer,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"issuer_vi" text NOT NULL,
	"summary_vi" text NOT NULL,
	"summary_en" text,
	"sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicator_units" (
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "plan_indicator_units_indicator_id_unit_id_pk" PRIMARY KEY("indicator_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"pillar_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"kind" "indicator_kind" NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"baseline" double precision,
	"baseline_date" date NOT NULL,
	"target" double precision NOT NULL,
	"deadline" date NOT NULL,
	"unit_total" integer,
	"unit_of_measure_vi" text,
	"source" "indicator_source" NOT NULL,
	"formula" text,
	"position" integer NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_indicators_source_ck" CHECK (("plan_indicators"."source" = 'formula') = ("plan_indicators"."formula" is not null))
);
--> statement-breakpoint
CREATE TABLE "plan_key_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"pillar_id" integer NOT NULL,
	"code" text NOT NULL,
	"formula" text,
	"share_of_metric_code" text,
	"label_vi" text,
	"label_en" text,
	"unit_of_measure_vi" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_pillars" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_progress_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"evidence_number" text,
	"evidence_date" date,
	"evidence_link" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"file_sha256" text,
	"file_content" "bytea",
	"created_by" integer,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_progress_file_ck" CHECK (("plan_progress_updates"."file_content" is null) = ("plan_progress_updates"."file_name" is null) and ("plan_progress_updates"."file_size" is null or "plan_progress_updates"."file_size" <= 5242880))
);
--> statement-breakpoint
CREATE TABLE "plan_status_declarations" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"kind" "declaration_kind" NOT NULL,
	"body" text,
	"decision" text,
	"reason" text NOT NULL,
	"from_period" text NOT NULL,
	"from_date" date NOT NULL,
	"declared_by" integer,
	"declared_by_name" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_status_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" "override_status" NOT NULL,
	"reason" text NOT NULL,
	"overridden_by" integer,
	"overridden_by_name" text NOT NULL,
	"overridden_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"year" integer NOT NULL,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"issuing_body_vi" text NOT NULL,
	"issuing_body_en" text,
	"document_ref_vi" text,
	"reporting_unit_id" integer NOT NULL,
	"scope_unit_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_year_ck" CHECK ("plans"."year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_pillar_id_plan_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."plan_pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator_units" ADD CONSTRAINT "plan_indicator_units_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator_units" ADD CONSTRAINT "plan_indicator_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_pillar_id_plan_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."plan_pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_key_figures" ADD CONSTRAINT "plan_key_figures_pillar_id_plan_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."plan_pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_pillars" ADD CONSTRAINT "plan_pillars_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_declarations" ADD CONSTRAINT "plan_status_declarations_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_declarations" ADD CONSTRAINT "plan_status_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_overrides" ADD CONSTRAINT "plan_status_overrides_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_overrides" ADD CONSTRAINT "plan_status_overrides_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_reporting_unit_id_units_id_fk" FOREIGN KEY ("reporting_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_scope_unit_id_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_documents_plan_idx" ON "plan_documents" USING btree ("plan_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_uq" ON "plan_indicators" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_indicators_pillar_idx" ON "plan_indicators" USING btree ("pillar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_key_figures_uq" ON "plan_key_figures" USING btree ("pillar_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_pillars_uq" ON "plan_pillars" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_progress_indicator_idx" ON "plan_progress_updates" USING btree ("indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "plan_declarations_indicator_idx" ON "plan_status_declarations" USING btree ("indicator_id","from_date");--> statement-breakpoint
CREATE INDEX "plan_overrides_indicator_idx" ON "plan_status_overrides" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_code_uq" ON "plans" USING btree ("code");