CREATE TABLE "quality_follow_ups" (
	"submission_id" integer NOT NULL,
	"metric_id" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"by_user" integer,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "quality_follow_ups_submission_id_metric_id_pk" PRIMARY KEY("submission_id","metric_id"),
	CONSTRAINT "quality_follow_ups_status_ck" CHECK ("quality_follow_ups"."status" in ('confirmed', 'corrected'))
);
--> statement-breakpoint
ALTER TABLE "quality_follow_ups" ADD CONSTRAINT "quality_follow_ups_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;