-- Existing rows get their slug from the name as lib/domain/shared/slugs.ts makes it (accents of the Latin alphabet
-- dropped); namesakes after the first get "-<id>", and a second clash "-<id>-<n>".
ALTER TABLE "things" ADD COLUMN "slug" text;--> statement-breakpoint
UPDATE "things" SET "slug" = s."slug" FROM (
  SELECT "id", CASE WHEN row_number() OVER (PARTITION BY s1 ORDER BY "id") = 1 THEN s1 ELSE s1 || '-' || row_number() OVER (PARTITION BY s1 ORDER BY "id") END AS "slug"
  FROM (
    SELECT "id", CASE WHEN row_number() OVER (PARTITION BY base ORDER BY "id") = 1 THEN base ELSE base || '-' || "id" END AS s1
    FROM (SELECT "id", CASE WHEN b = '' THEN 'thing' WHEN b ~ '^[0-9]+$' THEN 'thing-' || b ELSE b END AS base FROM (SELECT "id", rtrim(left(trim(both '-' from regexp_replace(lower(translate(replace(replace("name", 'ß', 'ss'), 'ẞ', 'ss'), 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÑñÇçÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuNnCcYyy')), '[^a-z0-9]+', '-', 'g')), 60), '-') AS b FROM "things") x) y
  ) z
) s WHERE "things"."id" = s."id";--> statement-breakpoint
ALTER TABLE "things" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
-- Existing rows get their slug from the title as lib/domain/shared/slugs.ts makes it (accents of the Latin alphabet
-- dropped); namesakes after the first get "-<id>", and a second clash "-<id>-<n>".
ALTER TABLE "events" ADD COLUMN "slug" text;--> statement-breakpoint
UPDATE "events" SET "slug" = s."slug" FROM (
  SELECT "id", CASE WHEN row_number() OVER (PARTITION BY s1 ORDER BY "id") = 1 THEN s1 ELSE s1 || '-' || row_number() OVER (PARTITION BY s1 ORDER BY "id") END AS "slug"
  FROM (
    SELECT "id", CASE WHEN row_number() OVER (PARTITION BY base ORDER BY "id") = 1 THEN base ELSE base || '-' || "id" END AS s1
    FROM (SELECT "id", CASE WHEN b = '' THEN 'event' WHEN b ~ '^[0-9]+$' THEN 'event-' || b ELSE b END AS base FROM (SELECT "id", rtrim(left(trim(both '-' from regexp_replace(lower(translate(replace(replace("title", 'ß', 'ss'), 'ẞ', 'ss'), 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÑñÇçÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuNnCcYyy')), '[^a-z0-9]+', '-', 'g')), 60), '-') AS b FROM "events") x) y
  ) z
) s WHERE "events"."id" = s."id";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_slug_unique" UNIQUE("slug");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_slug_unique" UNIQUE("slug");