/** The embedded database in its own process, as `npm start` runs it apart from the broker (benchmarks). */
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import type { HoldReport } from "@/lib/db/embedded/wire-server";
import type { HoldTotals } from "./bench-database";

// EMBEDDED_DB_TRACE_MS=N: every client that held the session N ms or longer, to stderr (who, how long, how much of
// it the session waited on that client's round trips, its first statements).
const traceMs = Number(process.env.EMBEDDED_DB_TRACE_MS ?? "");
const trace = Number.isFinite(traceMs) && !!process.env.EMBEDDED_DB_TRACE_MS;
// Every hold summed per application name, for the benchmarks (asked for and reset over IPC).
let totals = new Map<string, HoldTotals>();
const count = (hold: HoldReport) => {
  const t = totals.get(hold.application) ?? { holds: 0, roundTrips: 0, batches: 0, ms: 0, waitedOnClientMs: 0 };
  totals.set(hold.application, {
    holds: t.holds + 1,
    roundTrips: t.roundTrips + hold.roundTrips,
    batches: t.batches + hold.batches,
    ms: t.ms + hold.ms,
    waitedOnClientMs: t.waitedOnClientMs + hold.waitedOnClientMs,
  });
};
const embedded = await startEmbeddedPostgres({
  onHold: (hold) => {
    count(hold);
    if (trace && hold.ms >= traceMs) console.error(`[embedded db hold] ${JSON.stringify(hold)}`);
  },
});
process.on("message", (message: { type: string }) => {
  if (message.type !== "holds") return;
  process.send!({ type: "holds", totals: Object.fromEntries(totals) });
  totals = new Map();
});
process.send!({ url: embedded.url });
process.on("disconnect", () => void embedded.stop().finally(() => process.exit(0)));
