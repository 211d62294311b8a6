ALTER TABLE "data_values" DROP CONSTRAINT "data_values_submission_id_submissions_id_fk";
--> statement-breakpoint
-- The foreign key checked every value row by row (a third of a bulk COPY). These triggers keep
-- its guarantees once per statement: a value's report exists and is locked FOR KEY SHARE until
-- the transaction ends (so no one deletes it meanwhile), and deleting reports deletes their values.
CREATE FUNCTION data_values_check_reports() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted integer;
  found integer;
BEGIN
  SELECT count(DISTINCT submission_id) INTO wanted FROM new_values;
  WITH locked AS (
    SELECT s.id FROM submissions s
    WHERE s.id IN (SELECT submission_id FROM new_values)
    FOR KEY SHARE OF s
  ) SELECT count(*) INTO found FROM locked;
  IF found < wanted THEN
    RAISE EXCEPTION 'data values refer to % report(s) that do not exist', wanted - found
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER data_values_reports_on_insert AFTER INSERT ON data_values
  REFERENCING NEW TABLE AS new_values
  FOR EACH STATEMENT EXECUTE FUNCTION data_values_check_reports();
--> statement-breakpoint
CREATE TRIGGER data_values_reports_on_update AFTER UPDATE ON data_values
  REFERENCING NEW TABLE AS new_values
  FOR EACH STATEMENT EXECUTE FUNCTION data_values_check_reports();
--> statement-breakpoint
CREATE FUNCTION submissions_delete_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM data_values WHERE submission_id IN (SELECT id FROM old_reports);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER submissions_delete_values AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS old_reports
  FOR EACH STATEMENT EXECUTE FUNCTION submissions_delete_values();
