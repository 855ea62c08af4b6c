-- A series saved before 2912fe9 could have its until equal to its start (the form accepted "until" = the start day:
-- an all-day weekly Monday 26 Oct 2026 in Vienna "until 25 Oct" stores until = starts_at). It stored exactly one
-- occurrence, its own start, which the web listed once; 0029 deleted it (starts_at >= until), and the horizon job
-- would have too while the until was ahead. Such a series is the single event it showed as: its only occurrence is
-- the event's own start and end (occurrences have nothing else and nothing refers to them), so it is put back, unless
-- that day was an exception date (then the series showed nothing and is left as it is), and the recurrence is cleared
-- so no expansion or horizon run drops it again. An until before the start kept nothing even then: left as it is.
INSERT INTO "event_occurrences" ("event_id", "starts_at", "ends_at")
  SELECT e."id", e."starts_at", e."ends_at" FROM "events" e
  WHERE e."recurrence_freq" IS NOT NULL AND e."recurrence_until" = e."starts_at"
    AND NOT ((e."starts_at" AT TIME ZONE e."time_zone")::date = ANY (e."exception_dates"))
    AND NOT EXISTS (SELECT 1 FROM "event_occurrences" o WHERE o."event_id" = e."id" AND o."starts_at" = e."starts_at");
--> statement-breakpoint
UPDATE "events" SET "recurrence_freq" = NULL, "recurrence_until" = NULL, "recurrence_interval" = 1, "recurrence_count" = NULL,
    "recurrence_weekdays" = '{}', "exception_dates" = '{}'
  WHERE "recurrence_freq" IS NOT NULL AND "recurrence_until" = "starts_at"
    AND NOT (("starts_at" AT TIME ZONE "time_zone")::date = ANY ("exception_dates"));
