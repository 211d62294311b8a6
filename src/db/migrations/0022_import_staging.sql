-- Unlogged: a background import interrupted by a crash is failed and its staged rows deleted.
CREATE UNLOGGED TABLE "import_entries" (
	"job_key" text DEFAULT current_setting('chiso.import_job') NOT NULL,
	"idx" integer NOT NULL,
	"unit" text NOT NULL,
	"period" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "import_staged_audit" (
	"job_key" text DEFAULT current_setting('chiso.import_job') NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"ip" text,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "import_staged_submissions" (
	"job_key" text DEFAULT current_setting('chiso.import_job') NOT NULL,
	"id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"status" "submission_status" NOT NULL,
	"version" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	"late" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "import_staged_values" (
	"job_key" text DEFAULT current_setting('chiso.import_job') NOT NULL,
	"submission_id" integer NOT NULL,
	"metric_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision,
	"text_value" text,
	"comment" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "import_entries_report_idx" ON "import_entries" USING btree ("job_key","unit","period","idx");--> statement-breakpoint
CREATE INDEX "import_staged_audit_job_idx" ON "import_staged_audit" USING btree ("job_key");--> statement-breakpoint
CREATE INDEX "import_staged_submissions_job_idx" ON "import_staged_submissions" USING btree ("job_key");--> statement-breakpoint
CREATE INDEX "import_staged_values_job_idx" ON "import_staged_values" USING btree ("job_key");