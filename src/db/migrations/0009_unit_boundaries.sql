CREATE TABLE "unit_boundaries" (
	"level" integer PRIMARY KEY NOT NULL,
	"features" jsonb NOT NULL,
	"feature_count" integer NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
