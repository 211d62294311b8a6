ALTER TABLE "form_metrics" ADD COLUMN "valid_from" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "form_metrics" ADD COLUMN "groups" text[];--> statement-breakpoint
ALTER TABLE "validation_rules" ADD COLUMN "valid_from" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "form_metrics" DROP CONSTRAINT "form_metrics_form_id_metric_id_pk";--> statement-breakpoint
ALTER TABLE "form_metrics" ADD CONSTRAINT "form_metrics_form_id_valid_from_metric_id_pk" PRIMARY KEY("form_id","valid_from","metric_id");--> statement-breakpoint
DROP INDEX "validation_rules_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "validation_rules_uq" ON "validation_rules" USING btree ("form_id","valid_from","code");
