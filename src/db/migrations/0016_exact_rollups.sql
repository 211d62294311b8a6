-- The float8 sums kept rounding residue from adding and subtracting approvals: they are not
-- converted but recomputed exactly. The rows go, and a database holding values is marked not
-- built, so `chiso migrate` (and every command that opens the database) rebuilds them, as after
-- 0007; analytics reads the raw values until then.
DELETE FROM "rollups";--> statement-breakpoint
UPDATE "rollup_state" SET "built" = NOT EXISTS (SELECT 1 FROM "data_values");--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "value_sum" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "value_sum" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "weighted_sum" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "weighted_sum" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "weight_sum" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "rollups" ALTER COLUMN "weight_sum" SET DEFAULT '0';
