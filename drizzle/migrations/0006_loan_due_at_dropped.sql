DROP INDEX "thing_loans_due_at_index";--> statement-breakpoint
ALTER TABLE "thing_loans" ALTER COLUMN "due_on" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "thing_loans_due_on_index" ON "thing_loans" USING btree ("due_on");--> statement-breakpoint
ALTER TABLE "thing_loans" DROP COLUMN "due_at";