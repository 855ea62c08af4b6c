CREATE TABLE "board_event_receipts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_sessions" ADD COLUMN "closed_by_event_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "usage_sessions" ADD COLUMN "closed_by_replay" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "board_event_receipts_received_at_index" ON "board_event_receipts" USING btree ("received_at");