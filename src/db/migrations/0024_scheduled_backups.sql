CREATE TABLE "scheduled_backups" (
	"day" date PRIMARY KEY NOT NULL,
	"server" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"retry_after" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"file" text,
	"error" text
);
