CREATE TABLE "report_templates" (
	"key" text NOT NULL,
	"lang" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_templates_key_lang_pk" PRIMARY KEY("key","lang"),
	CONSTRAINT "report_templates_lang_ck" CHECK ("report_templates"."lang" in ('vi', 'en'))
);
--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;