/** The embedded database in its own process, as `npm start` runs it apart from the broker (benchmarks). */
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";

const embedded = await startEmbeddedPostgres();
process.send!({ url: embedded.url });
process.on("disconnect", () => void embedded.stop().finally(() => process.exit(0)));
