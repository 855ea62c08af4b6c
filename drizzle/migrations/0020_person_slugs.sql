CREATE TABLE "person_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_slugs" ADD CONSTRAINT "person_slugs_person_id_profiles_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."profiles"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_slugs_person_id_created_at_index" ON "person_slugs" USING btree ("person_id","created_at");