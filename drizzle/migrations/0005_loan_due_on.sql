ALTER TABLE "thing_loans" ADD COLUMN "due_on" date;--> statement-breakpoint
-- The due day as it has been shown so far: the UTC date of the stored end-of-day instant.
UPDATE "thing_loans" SET "due_on" = ("due_at" AT TIME ZONE 'UTC')::date;
