import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { TestDatabase } from "@/lib/db/testing/test-database";
import { countedTestDatabase, countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { runMigrations } from "../migrate";
import { DATABASE_CODE, applyDatabaseCode } from "./index";

// The database code is applied when it or the migrations changed, and only then: a start with nothing changed
// reads one row instead of sending ~90 statements.
let database: TestDatabase;
let counting: CountingDb;

beforeAll(async () => {
  ({ database, counting } = await countedTestDatabase());
});

/** A new machine with one closed hour of use on it; its id. */
async function machineWithOneClosedSession(name: string, cardUid: string): Promise<number> {
  const [type] = await database.db.execute<{ id: number }>(sql`insert into equipment_types (name) values (${name}) returning id`);
  const [machine] = await database.db.execute<{ id: number }>(sql`insert into machines (equipment_type_id, name) values (${type!.id}, ${name}) returning id`);
  await database.db
    .execute(sql`insert into usage_sessions (machine_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, last_heartbeat_at, opened_by_event_at)
    values (${machine!.id}, ${cardUid}, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', 3600, 'manual', '2026-03-02T11:00:00Z', '2026-03-02T10:00:00Z')`);
  return machine!.id;
}

afterAll(async () => {
  await applyDatabaseCode(database.db);
  await counting.close();
  await database.close();
});

const functionBody = async () =>
  (await database.db.execute<{ src: string }>(sql`select prosrc as src from pg_proc where proname = 'ms_check_one_main_address'`))[0]!.src;

const changedCode = DATABASE_CODE.map((s) => s.replace("must have exactly one main address (has %)", "needs exactly one main address (has %)"));

describe("applyDatabaseCode", () => {
  it("sends nothing but the fingerprint's read when the code is unchanged", async () => {
    counting.reset();
    expect(await applyDatabaseCode(counting.db)).toBe(false);
    expect(counting.queries).toHaveLength(1);
    expect(counting.queries[0]).toMatch(/ms_internal\.database_code/);
  });

  it("applies a changed function body, then nothing while it stays the same", async () => {
    expect(changedCode).not.toEqual(DATABASE_CODE);
    counting.reset();
    expect(await applyDatabaseCode(counting.db, changedCode)).toBe(true);
    expect(counting.queries.length).toBeGreaterThan(DATABASE_CODE.length);
    expect(await functionBody()).toContain("needs exactly one main address");
    counting.reset();
    expect(await applyDatabaseCode(counting.db, changedCode)).toBe(false);
    expect(counting.queries).toHaveLength(1);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    expect(await functionBody()).toContain("must have exactly one main address");
  });

  it("applies it on a database from before the fingerprint was kept", async () => {
    await database.db.execute(sql`drop table ms_internal.database_code`);
    await database.db.execute(sql`drop trigger things_number_fixed on things`);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    const [trigger] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_trigger where tgname = 'things_number_fixed'`);
    expect(trigger!.n).toBe(1);
    expect(await applyDatabaseCode(database.db)).toBe(false);
  });

  it("applies it again when a function or trigger was changed by anything else (an older version of the app)", async () => {
    await database.db.execute(sql`create or replace function things_number_fixed() returns trigger language plpgsql as $$ begin return new; end $$`);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    const [fn] = await database.db.execute<{ src: string }>(sql`select prosrc as src from pg_proc where proname = 'things_number_fixed'`);
    expect(fn!.src).toContain("never changes");

    await database.db.execute(sql`alter table events enable trigger ms_feed_marker`);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    const [trigger] = await database.db.execute<{ enabled: string }>(
      sql`select tgenabled as enabled from pg_trigger where tgname = 'ms_feed_marker' and tgrelid = 'events'::regclass`,
    );
    expect(trigger!.enabled).toBe("A");
    expect(await applyDatabaseCode(database.db)).toBe(false);
  });

  it("applies it on a database that kept the fingerprint in an earlier form", async () => {
    await database.db.execute(sql`drop table ms_internal.database_code`);
    await database.db.execute(sql`create table ms_internal.database_code (id int primary key, fingerprint text not null, migrations int not null)`);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    expect(await applyDatabaseCode(database.db)).toBe(false);
  });

  it("applies it again after a migration ran (it may have recreated a table without its triggers)", async () => {
    await database.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('test-only', 0)`);
    try {
      expect(await applyDatabaseCode(database.db)).toBe(true);
      expect(await applyDatabaseCode(database.db)).toBe(false);
    } finally {
      await database.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'test-only'`);
    }
    expect(await applyDatabaseCode(database.db)).toBe(true);
  });

  it("rebuilds usage counters that went stale some other way (rows loaded with triggers off), then sends one statement again", async () => {
    const machineId = await machineWithOneClosedSession("Stale counters lathe", "c0ffee01");
    const counted = async () =>
      (await database.db.execute<{ n: number }>(sql`select closed_sessions::int as n from machine_usage_counters where machine_id = ${machineId}`))[0]?.n;
    expect(await counted()).toBe(1);
    // What a restore with the triggers off leaves: the sessions without their counters.
    await database.db.execute(sql`delete from machine_usage_counters`);
    expect(await applyDatabaseCode(database.db)).toBe(true);
    expect(await counted()).toBe(1);
    counting.reset();
    expect(await applyDatabaseCode(counting.db)).toBe(false);
    expect(counting.queries).toHaveLength(1);
  });

  it("is not stale when every closed session is flagged (they count nowhere): one statement, not the whole code at each start", async () => {
    // A new space whose first board reports were all implausible: no counter row is right, and none is to be made.
    await machineWithOneClosedSession("Flagged lathe", "c0ffee02");
    await database.db.execute(sql`update usage_sessions set flagged_reason = 'too_long' where ended_at is not null`);
    await database.db.execute(sql`delete from machine_usage_counters`);
    await applyDatabaseCode(database.db);
    counting.reset();
    expect(await applyDatabaseCode(counting.db)).toBe(false);
    expect(counting.queries).toHaveLength(1);
  });

  // The embedded database is one session for every client (advisory locks do not exclude each other there); the
  // launcher alone prepares it. On PostgreSQL a web and a broker process may start at once.
  it.skipIf(!process.env.DATABASE_URL)("is applied once by instances migrating at the same time", async () => {
    await database.db.execute(sql`delete from ms_internal.database_code`);
    const other = countingDb(database.url);
    try {
      counting.reset();
      await Promise.all([runMigrations(counting.db), runMigrations(other.db)]);
      const applied = [...counting.queries, ...other.queries].filter((q) => q.includes("create or replace function ms_check_one_main_address"));
      expect(applied).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
