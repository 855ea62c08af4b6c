ALTER TABLE "accounts" ADD COLUMN "previous_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_roles" ADD COLUMN "since" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "person_roles" ADD COLUMN "until" date;--> statement-breakpoint
UPDATE "person_roles" SET "since" = "granted_at"::date;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_range" CHECK ("person_roles"."until" is null or "person_roles"."until" >= "person_roles"."since");