DROP INDEX "profiles_search_text_trgm_idx";--> statement-breakpoint
CREATE INDEX "profiles_search_text_trgm_idx" ON "profiles" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);