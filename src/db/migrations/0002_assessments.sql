CREATE TYPE "public"."appraisal_action" AS ENUM('confirm', 'adjust');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('open', 'self_assessment', 'appraisal', 'council', 'published');--> statement-breakpoint
CREATE TYPE "public"."self_assessment_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TABLE "assessment_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"document_number" text,
	"document_date" date,
	"summary" text,
	"url" text,
	"file_name" text,
	"content_type" text,
	"file_size" integer,
	"sha256" text,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "assessment_units" (
	"assessment_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"group_code" text NOT NULL,
	"status" "self_assessment_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	CONSTRAINT "assessment_units_assessment_id_unit_id_pk" PRIMARY KEY("assessment_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_values" (
	"assessment_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"self_value" jsonb,
	"self_note" text,
	"self_source" text DEFAULT 'manual' NOT NULL,
	"self_updated_at" timestamp with time zone,
	"self_updated_by" integer,
	"appraisal_action" "appraisal_action",
	"appraised_value" jsonb,
	"appraisal_reason" text,
	"appraised_at" timestamp with time zone,
	"appraised_by" integer,
	"council_value" jsonb,
	"council_reason" text,
	"council_at" timestamp with time zone,
	"council_by" integer,
	CONSTRAINT "assessment_values_assessment_id_unit_id_criterion_code_pk" PRIMARY KEY("assessment_id","unit_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"status" "assessment_status" DEFAULT 'open' NOT NULL,
	"self_assessment_due" date NOT NULL,
	"appraisal_due" date NOT NULL,
	"verifiers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" integer,
	"decision_number" text,
	"decision_date" date,
	"announced_on" date,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"lineage" text NOT NULL,
	"year" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD CONSTRAINT "assessment_units_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD CONSTRAINT "assessment_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD CONSTRAINT "assessment_units_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_values" ADD CONSTRAINT "assessment_values_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_values" ADD CONSTRAINT "assessment_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_values" ADD CONSTRAINT "assessment_values_self_updated_by_users_id_fk" FOREIGN KEY ("self_updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_values" ADD CONSTRAINT "assessment_values_appraised_by_users_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_values" ADD CONSTRAINT "assessment_values_council_by_users_id_fk" FOREIGN KEY ("council_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_framework_id_index_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_frameworks" ADD CONSTRAINT "index_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_evidence_idx" ON "assessment_evidence" USING btree ("assessment_id","unit_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_code_uq" ON "assessments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "assessments_framework_idx" ON "assessments" USING btree ("framework_id");--> statement-breakpoint
CREATE UNIQUE INDEX "index_frameworks_code_uq" ON "index_frameworks" USING btree ("code");--> statement-breakpoint
CREATE INDEX "index_frameworks_lineage_idx" ON "index_frameworks" USING btree ("lineage");