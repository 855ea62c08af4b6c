/** The embedded database in its own process, as `npm start` runs it apart from the broker (benchmarks). */
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";

// EMBEDDED_DB_TRACE_MS=N: every client that held the session N ms or longer, to stderr (who, how long, how much of
// it the session waited on that client's round trips, its first statements).
const traceMs = Number(process.env.EMBEDDED_DB_TRACE_MS ?? "");
const embedded = await startEmbeddedPostgres({
  onHold:
    Number.isFinite(traceMs) && process.env.EMBEDDED_DB_TRACE_MS
      ? (hold) => {
          if (hold.ms >= traceMs) console.error(`[embedded db hold] ${JSON.stringify(hold)}`);
        }
      : undefined,
});
process.send!({ url: embedded.url });
process.on("disconnect", () => void embedded.stop().finally(() => process.exit(0)));
