ALTER TABLE "applicant_confirmations" ADD COLUMN "login_email" text;--> statement-breakpoint
ALTER TABLE "applicant_confirmations" ADD COLUMN "login_password_hash" text;