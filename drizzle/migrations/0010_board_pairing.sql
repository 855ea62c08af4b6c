CREATE TABLE "board_pairing_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"machine_id" integer NOT NULL,
	"identity_key" text NOT NULL,
	"serial" text,
	"ip" text,
	"remote_address" text NOT NULL,
	"client_id" text,
	"firmware_version" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "board_pairings" (
	"machine_id" integer PRIMARY KEY NOT NULL,
	"identity_key" text,
	"serial" text,
	"ip" text,
	"remote_address" text,
	"paired_at" timestamp with time zone,
	"paired_by_id" integer,
	"window_opened_at" timestamp with time zone,
	"window_until" timestamp with time zone,
	CONSTRAINT "board_pairings_identity" CHECK (("board_pairings"."identity_key" is null) = ("board_pairings"."remote_address" is null))
);
--> statement-breakpoint
ALTER TABLE "board_pairing_requests" ADD CONSTRAINT "board_pairing_requests_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_pairing_requests" ADD CONSTRAINT "board_pairing_requests_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_pairings" ADD CONSTRAINT "board_pairings_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_pairings" ADD CONSTRAINT "board_pairings_paired_by_id_people_id_fk" FOREIGN KEY ("paired_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_pairing_requests_identity_idx" ON "board_pairing_requests" USING btree ("machine_id","identity_key","remote_address");--> statement-breakpoint
CREATE INDEX "board_pairing_requests_machine_id_last_seen_at_index" ON "board_pairing_requests" USING btree ("machine_id","last_seen_at");--> statement-breakpoint
-- Boards that worked without credentials keep working: their machine opens a pairing window, so the board
-- there now is paired at its next alive (every 2 minutes). Machines that refused anonymous boards stay closed.
INSERT INTO "board_pairings" ("machine_id", "window_opened_at") SELECT "id", now() FROM "machines" WHERE "allow_anonymous_board" AND "board_password_hash" IS NULL;--> statement-breakpoint
ALTER TABLE "machines" DROP COLUMN "allow_anonymous_board";