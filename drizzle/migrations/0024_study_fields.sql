CREATE TABLE "study_fields" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "study_fields_name_lower_idx" ON "study_fields" USING btree (lower("name"));--> statement-breakpoint
-- The free-text fields people typed before become the list's first entries (one per name in any case, spelled as
-- first typed); every study row then points at its entry.
INSERT INTO "study_fields" ("name")
  SELECT DISTINCT ON (lower(btrim("field"))) btrim("field") FROM "profile_studies" WHERE btrim("field") <> '' ORDER BY lower(btrim("field")), "id";--> statement-breakpoint
DELETE FROM "profile_studies" WHERE btrim("field") = '';--> statement-breakpoint
ALTER TABLE "profile_studies" ADD COLUMN "field_id" integer;--> statement-breakpoint
UPDATE "profile_studies" SET "field_id" = f."id" FROM "study_fields" f WHERE lower(f."name") = lower(btrim("profile_studies"."field"));--> statement-breakpoint
ALTER TABLE "profile_studies" ALTER COLUMN "field_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_studies" ADD CONSTRAINT "profile_studies_field_id_study_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."study_fields"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_studies_field_id_index" ON "profile_studies" USING btree ("field_id");--> statement-breakpoint
ALTER TABLE "profile_studies" DROP COLUMN "field";
