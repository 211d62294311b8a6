CREATE TABLE "data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_one_row_ck" CHECK ("data_version"."id" = 1)
);
--> statement-breakpoint
-- Start from the audit rows already there, so a cache stamped with the old version is not reused.
INSERT INTO "data_version" ("id", "version")
  SELECT 1, count(*) FROM "audit_log" WHERE "action" NOT IN ('login', 'logout');
--> statement-breakpoint
-- Runs at commit (deferred), once per transaction: the row lock on data_version is held only for
-- the commit itself, so a long import does not hold back other writers. Logins and logouts
-- change no data and leave the version alone.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('chiso.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
    PERFORM set_config('chiso.data_version_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_bumps_data_version AFTER INSERT ON "audit_log"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.action NOT IN ('login', 'logout'))
  EXECUTE FUNCTION bump_data_version();
