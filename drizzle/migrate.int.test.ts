import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { waitFor } from "@/lib/testing/wait-for";
import { runMigrations } from "./migrate";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const migrationLocksHeld = async () =>
  (
    await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 727100001
        and database = (select oid from pg_database where datname = current_database())`,
    )
  )[0]!.n;

// The embedded database is one session for every client: a lock is released by whichever client asks. On
// PostgreSQL a session lock taken on one connection of a pool and released on another stayed held until the
// first connection closed, and every later start waited for it (the broker's preparation after an outage, its
// pool busy with other queries meanwhile).
it.skipIf(!process.env.DATABASE_URL)("holds and releases the migration lock on one connection while the pool serves other queries", async () => {
  const holder = postgres(database.url, { max: 1, onnotice: () => {} });
  const watcher = postgres(database.url, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = holder.begin(async (tx) => {
    await tx.unsafe("lock table ms_internal.database_code in access exclusive mode");
    locked();
    await released;
  });
  try {
    await isLocked;
    // One connection open in the pool, the migration's; nothing else of the pool runs until it waits on the table
    // (watched from another client), then another query of the pool runs on another connection.
    await database.db.execute(sql`select 1`);
    const migrating = runMigrations(database.db);
    await waitFor("the migration to wait for the table", async () => {
      const [row] = await watcher<
        { n: number }[]
      >`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      return row!.n > 0;
    });
    await database.db.execute(sql`select 1`);
    release();
    await holding;
    await migrating;
    expect(await migrationLocksHeld()).toBe(0);
  } finally {
    release();
    await holder.end();
    await watcher.end();
  }
});

it("migrates again with nothing pending, on a database from before the database code's fingerprint was kept", async () => {
  // Its read fails there (no table): in a savepoint, so the migrations' transaction goes on.
  await database.db.execute(sql`drop table ms_internal.database_code`);
  await runMigrations(database.db);
  const [kept] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ms_internal.database_code`);
  expect(kept!.n).toBe(1);
  const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  expect(row!.n).toBeGreaterThan(0);
});
