import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { getSessionPerson } from "@/lib/domain/auth/session-person";
import { roomChoices } from "@/lib/domain/calendar/room-choices";
import { waitFor } from "@/lib/testing/wait-for";
import { BrokerMetrics } from "@/device-broker/metrics";
import { DecisionSnapshot } from "@/device-broker/snapshot/decision-snapshot";
import { getSpaceSettings } from "./space-settings";
import { CHECK_MS } from "./settings-version";
import { saveSettingsWith } from "./testing/save-settings";

// What an admin saved wins everywhere: a save in one process (a web instance, the broker) is seen by the next read
// of every other one, with no wait for a time to live. Two handles on one database stand for two processes: every
// copy is kept per handle. Another process's save reaches this one only through the database, so the saves here
// are plain SQL: nothing in this process is told of them.
let t: DemoDatabase;
let other: CountingDb;

/** What another process's save looks like from here: a commit. */
async function savedElsewhere(changes: { name: string; timeZone?: string }): Promise<void> {
  const saved = await t.db.execute(
    sql`update space_settings set name = ${changes.name}, time_zone = coalesce(${changes.timeZone ?? null}::text, time_zone) where id = 1 returning id`,
  );
  expect(saved).toHaveLength(1);
}

beforeAll(async () => {
  t = await createDemoDatabase();
  // The settings row, as the first save from the settings page makes it.
  await saveSettingsWith(t.db, { name: "First Lab" });
  // The version check counted: these tests are about it.
  other = countingDb(t.url, { versionReads: true });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("settings saved in another process", () => {
  it("a signed-in request sees them at once, with the statements it sent before", async () => {
    // The clock held: the version the session's statement noted stays fresh (CHECK_MS), however slow the machine.
    vi.useFakeTimers({ toFake: ["Date"] });
    await getSessionPerson(other.db, t.ids.member);
    await getSpaceSettings(other.db);
    // Today's cost of a signed-in request's person and settings: the session statement and the person's rights.
    other.reset();
    await getSessionPerson(other.db, t.ids.member);
    const before = await getSpaceSettings(other.db);
    expect(other.queries).toHaveLength(2);

    await savedElsewhere({ name: "Propagated Lab" });
    other.reset();
    await getSessionPerson(other.db, t.ids.member);
    expect((await getSpaceSettings(other.db)).name).toBe("Propagated Lab");
    expect(before.name).not.toBe("Propagated Lab");
    // The two, and the settings read again once: no statement to learn that they changed.
    expect(other.queries).toHaveLength(3);

    other.reset();
    await getSessionPerson(other.db, t.ids.member);
    await getSpaceSettings(other.db);
    expect(other.queries).toHaveLength(2);
  });

  it("a page without a session asks the version itself, at most once per CHECK_MS", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await getSpaceSettings(other.db);
    other.reset();
    await getSpaceSettings(other.db);
    expect(other.queries).toHaveLength(0);

    await savedElsewhere({ name: "Anonymous Lab" });
    vi.setSystemTime(Date.now() + CHECK_MS);
    other.reset();
    expect((await getSpaceSettings(other.db)).name).toBe("Anonymous Lab");
    // The version, then the settings.
    expect(other.queries).toHaveLength(2);
    expect(other.queries[0]).toMatch(/ms_internal\.settings_version/);
    other.reset();
    await getSpaceSettings(other.db);
    expect(other.queries).toHaveLength(0);
  });

  it("the calendar's room list follows a room added elsewhere", async () => {
    await getSessionPerson(other.db, t.ids.member);
    expect((await roomChoices(other.db)).map((r) => r.name)).not.toContain("Propagation room");
    await t.db.execute(sql`insert into rooms (name) values ('Propagation room')`);
    await getSessionPerson(other.db, t.ids.member);
    expect((await roomChoices(other.db)).map((r) => r.name)).toContain("Propagation room");
  });

  it("the broker's poll brings them, and reloads its decisions (they read the time zone)", async () => {
    const broker = countingDb(t.url);
    const metrics = new BrokerMetrics();
    const snapshot = new DecisionSnapshot({ db: broker.db, logger: pino({ level: "silent" }), metrics, pollMs: 20 });
    try {
      snapshot.start();
      await waitFor("the first load", () => snapshot.ready);
      expect((await getSpaceSettings(broker.db)).timeZone).not.toBe("America/New_York");
      const reloads = metrics.snapshotReloads;

      await savedElsewhere({ name: "Broker Lab", timeZone: "America/New_York" });
      await waitFor("a reload after the save", () => metrics.snapshotReloads > reloads);
      const settings = await getSpaceSettings(broker.db);
      expect(settings.name).toBe("Broker Lab");
      expect(settings.timeZone).toBe("America/New_York");
    } finally {
      await snapshot.stop();
      await broker.close();
    }
  });
});
