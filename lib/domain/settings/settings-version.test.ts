import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { currentSettingsVersion, noteSettingsVersion } from "./settings-version";

// A handle no statement goes through: within CHECK_MS the version comes from the notes alone.
const handle = () => ({}) as Db;

describe("noteSettingsVersion", () => {
  it("only moves forward: a statement that began before another's commit does not put the old version back", async () => {
    const db = handle();
    const now = Date.now();
    // Request B's session statement saw another process's save (version 10); request A's, begun before it, ends after.
    noteSettingsVersion(db, "10", now);
    noteSettingsVersion(db, "9", now + 1);
    expect(await currentSettingsVersion(db, now + 2)).toBe("10");
    noteSettingsVersion(db, "11", now + 3);
    expect(await currentSettingsVersion(db, now + 4)).toBe("11");
  });
});
