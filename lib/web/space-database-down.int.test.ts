import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { getSessionPerson } from "@/lib/domain/auth/session-person";
import { CHECK_MS } from "@/lib/domain/settings/settings-version";
import { saveSettingsWith } from "@/lib/domain/settings/testing/save-settings";
import type { SpaceSettings } from "@/lib/domain/settings/space-settings";

// getSpace as a page calls it, over the web process's own handle (getDb) on a real database; the session is the demo
// member's (Auth.js needs a request: its lookup of the person is the real one).
let t: DemoDatabase;
let closed = false;
let getSpace: () => Promise<SpaceSettings>;
const warn = vi.fn();

vi.mock("./logger", () => ({ getLogger: () => ({ warn, info: vi.fn(), error: vi.fn() }) }));
vi.mock("@/lib/auth/current-user", async () => {
  const { getDb } = await import("./db");
  return { getCurrentUser: () => getSessionPerson(getDb(), t.ids.member) };
});

beforeAll(async () => {
  t = await createDemoDatabase();
  await saveSettingsWith(t.db, { name: "Saved Lab", timeZone: "America/New_York" });
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("SPACE_NAME", "Environment Lab");
  vi.resetModules();
  ({ getSpace } = await import("./space"));
});
afterAll(async () => {
  vi.useRealTimers();
  await (globalThis as { __makerspaceWebDb?: { close(): Promise<void> } }).__makerspaceWebDb?.close();
  vi.unstubAllEnvs();
  if (!closed) await t?.close();
});

describe("getSpace", () => {
  it("reads the settings after the session's statement: a save made elsewhere shows on the next signed-in page", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    expect((await getSpace()).name).toBe("Saved Lab");
    // Another process saves (a commit this process is not told of); the version noted above is still trusted.
    await t.db.execute(sql`update space_settings set name = 'Renamed Lab' where id = 1`);
    expect((await getSpace()).name).toBe("Renamed Lab");
    vi.useRealTimers();
  });

  it("with the database down, serves the copy last read (the space's name and zone) and warns once", async () => {
    expect((await getSpace()).name).toBe("Renamed Lab");
    await t.close();
    closed = true;
    // Past the time a noted version is trusted: the next page asks the database, which does not answer.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + CHECK_MS);
    expect(await getSpace()).toMatchObject({ name: "Renamed Lab", timeZone: "America/New_York" });
    vi.setSystemTime(Date.now() + CHECK_MS);
    expect((await getSpace()).name).toBe("Renamed Lab");
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
