-- Unlogged: a lost bucket after a crash only lets a few more requests through.
CREATE UNLOGGED TABLE "request_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"at_ms" bigint NOT NULL,
	"granted" boolean NOT NULL
);
