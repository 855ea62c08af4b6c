CREATE TABLE "mailing_list_opt_ins" (
	"list_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_list_opt_ins_list_id_person_id_pk" PRIMARY KEY("list_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "mailing_list_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_id" integer NOT NULL,
	"status_id" integer,
	"committee_id" integer,
	"role_id" integer,
	CONSTRAINT "mailing_list_rules_one_target" CHECK (num_nonnulls("mailing_list_rules"."status_id", "mailing_list_rules"."committee_id", "mailing_list_rules"."role_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "mailing_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opt_in" boolean DEFAULT false NOT NULL,
	"mailman_sync" boolean DEFAULT false NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_sync_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_lists_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "mailing_list_opt_ins" ADD CONSTRAINT "mailing_list_opt_ins_list_id_mailing_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list_opt_ins" ADD CONSTRAINT "mailing_list_opt_ins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list_rules" ADD CONSTRAINT "mailing_list_rules_list_id_mailing_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list_rules" ADD CONSTRAINT "mailing_list_rules_status_id_membership_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."membership_statuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list_rules" ADD CONSTRAINT "mailing_list_rules_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list_rules" ADD CONSTRAINT "mailing_list_rules_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mailing_list_opt_ins_person_id_index" ON "mailing_list_opt_ins" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "mailing_list_rules_list_id_index" ON "mailing_list_rules" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_lists_address_lower_idx" ON "mailing_lists" USING btree (lower("address"));