import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedDemoData } from "@/drizzle/seed";
import { createDb } from "@/lib/db/client";
import { boardPairings, equipmentTypes, machines } from "@/lib/db/schema";

export interface BenchDatabase {
  url: string;
  label: string;
  /**
   * The embedded database only: its wire server's holds since the last call, summed per application_name (who held
   * the one session, in how many round trips, how long, how much of it waiting on the client).
   */
  holds?(): Promise<Record<string, HoldTotals>>;
  close(): Promise<void>;
}

export interface HoldTotals {
  holds: number;
  roundTrips: number;
  batches: number;
  ms: number;
  waitedOnClientMs: number;
}

/** First board id of the benchmark's machines; every simulated board gets its own (replies have no correlation id). */
export const BENCH_BOARD_BASE = 10_000;

/**
 * A throwaway database with the demo seed plus `machineCount` laser machines with open pairing windows:
 * a new database on the server at DATABASE_URL (dropped afterwards), else the embedded one in its own process.
 */
export async function openBenchDatabase(databaseUrl: string | undefined, machineCount: number): Promise<BenchDatabase> {
  const db = databaseUrl ? await createOnServer(databaseUrl) : await startEmbeddedProcess();
  const handle = createDb(db.url, { max: 2 });
  try {
    await prepareDatabase(handle.db);
    await seedDemoData(handle.db, "bench-password-123");
    const [laser] = await handle.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
    const rows = Array.from({ length: machineCount }, (_, i) => ({
      boardId: BENCH_BOARD_BASE + i,
      name: `BENCH ${i}`,
      equipmentTypeId: laser!.id,
      autoLogoffMinutes: 60,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      const ids = await handle.db
        .insert(machines)
        .values(rows.slice(i, i + 500))
        .returning({ id: machines.id });
      // Pairing windows open: each simulated board is paired with its machine at its first alive.
      await handle.db.insert(boardPairings).values(ids.map(({ id }) => ({ machineId: id, windowOpenedAt: new Date() })));
    }
  } catch (error) {
    await handle.close();
    await db.close();
    throw error;
  }
  await handle.close();
  return db;
}

export async function createOnServer(url: string): Promise<BenchDatabase> {
  const name = `ms_bench_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  return {
    url: benchUrl.toString(),
    label: `PostgreSQL at ${benchUrl.host} (database ${name}, dropped afterwards)`,
    async close() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export async function startEmbeddedProcess(): Promise<BenchDatabase> {
  const child = fork(path.join(import.meta.dirname, "embedded-db-child.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { url: string }));
    child.once("exit", (code) => reject(new Error(`embedded database exited (code ${code})`)));
  });
  return {
    url,
    label: "embedded PGlite database in its own process",
    holds() {
      const answer = new Promise<Record<string, HoldTotals>>((resolve) => {
        const onMessage = (message: { type?: string; totals?: Record<string, HoldTotals> }) => {
          if (message.type !== "holds") return;
          child.off("message", onMessage);
          resolve(message.totals!);
        };
        child.on("message", onMessage);
      });
      child.send({ type: "holds" });
      return answer;
    },
    async close() {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await gone;
    },
  };
}
