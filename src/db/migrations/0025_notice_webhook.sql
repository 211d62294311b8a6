CREATE TABLE "notice_webhook" (
	"id" integer PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_webhook_one_ck" CHECK ("notice_webhook"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "notification_webhooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"notification_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "notification_webhooks_status_ck" CHECK ("notification_webhooks"."status" in ('pending', 'sending', 'delivered', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "notification_webhooks" ADD CONSTRAINT "notification_webhooks_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_webhooks_notification_uq" ON "notification_webhooks" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "notification_webhooks_due_idx" ON "notification_webhooks" USING btree ("status","next_attempt_at");