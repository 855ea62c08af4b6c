-- A series' stored until is exclusive (b916298: the event form keeps "until 25 Oct" as the start of 26 Oct in the
-- event's zone). Series saved before kept an occurrence starting exactly at it (an all-day Monday series "until
-- Sunday 25" kept Monday 26), which the web calendar listed and the feed did not; the weekly horizon job re-expands
-- only series whose until is still ahead. Occurrences at or after their series' until go, as expandOccurrences
-- (lib/time/recurrence.ts) leaves them out.
DELETE FROM "event_occurrences" o USING "events" e
  WHERE e."id" = o."event_id" AND e."recurrence_freq" IS NOT NULL AND o."starts_at" >= e."recurrence_until";
