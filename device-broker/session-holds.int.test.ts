import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { createDb, type DbHandle } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import type { HoldReport } from "@/lib/db/embedded/wire-server";
import { claimPendingCommands } from "@/lib/domain/usage/machine-commands";

// How long the broker's routine work keeps the embedded database's one session from everyone else, in round trips
// (a hold's batches): on a busy box each round trip costs tens of ms, and every other client waits through them.
// Embedded only (the hold report is the wire server's).
let embedded: EmbeddedPostgres;
let broker: DbHandle;
const holds: HoldReport[] = [];
const dump = process.env.TEST_PGLITE_DUMP;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({
    ...(dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {}),
    onHold: (h) => holds.push(h),
  });
  const setup = createDb(embedded.url, { max: 1 });
  await ensureReferenceData(setup.db);
  await seedDemoData(setup.db, "demo-password-123");
  await setup.close();
  broker = createDb(embedded.url, { max: 1 });
}, 120_000);
afterAll(async () => {
  await broker?.close();
  await embedded?.stop();
});

const holdsOf = async (work: () => Promise<unknown>) => {
  await work(); // a first run: the connection is open and its types fetched
  const from = holds.length;
  await work();
  return holds.slice(from);
};

describe.skipIf(process.env.TEST_PG_TEMPLATE_URL)("the broker's hold on the embedded database's session", () => {
  it("polls remote commands in one statement (every 500 ms), not a six-round-trip transaction", async () => {
    const mine = await holdsOf(() => claimPendingCommands(broker.db, "test-instance"));
    // One hold: the statement described, then run (a transaction was begin, two statements described and run, commit).
    expect(mine.map((h) => h.batches)).toEqual([2]);
    expect(mine[0]!.statements[0]).toMatch(/^with expired as/);
  });
});
