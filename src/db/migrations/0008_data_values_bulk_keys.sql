ALTER TABLE "data_values" DROP CONSTRAINT "data_values_metric_id_metrics_id_fk";
--> statement-breakpoint
ALTER TABLE "data_values" DROP CONSTRAINT "data_values_unit_id_units_id_fk";
--> statement-breakpoint
-- data_values keeps its foreign key to submissions. The metric one is replaced by this guard on
-- the rare side: deleting a metric that still has values is refused, as the foreign key did.
CREATE FUNCTION metrics_refuse_delete_with_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM data_values WHERE metric_id = OLD.id) THEN
    RAISE EXCEPTION 'metric % still has data values', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metrics_delete_guard BEFORE DELETE ON metrics
  FOR EACH ROW EXECUTE FUNCTION metrics_refuse_delete_with_values();
