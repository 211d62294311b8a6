DROP INDEX "units_code_uq";--> statement-breakpoint
CREATE INDEX "units_code_idx" ON "units" USING btree ("code","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "units_open_code_uq" ON "units" USING btree ("code") WHERE "units"."valid_to" is null;