-- pg_trgm for the people search's trigram index: PostgreSQL ships it in contrib; PGlite loads it at each start
-- (lib/db/embedded/embedded-postgres.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce("profiles"."first_name", '') || ' ' || coalesce("profiles"."last_name", '') || chr(1) || coalesce("profiles"."email", ''))) STORED;--> statement-breakpoint
CREATE INDEX "profiles_search_text_trgm_idx" ON "profiles" USING gin ("search_text" gin_trgm_ops);