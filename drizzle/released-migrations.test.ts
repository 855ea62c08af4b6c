import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkMigrations, explain, manifestFile, migrationsDir, readManifest, withNewMigrations } from "./released-migrations";

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of this repository's migrations to change. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-migrations-"));
  copies.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("released migrations", () => {
  it("are unchanged and all recorded (if this fails, read the message: it says what to do)", () => {
    const problems = explain(checkMigrations(migrationsDir, readManifest(manifestFile)));
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("an edited SQL file, snapshot or journal entry is reported as changed; a deleted file too", () => {
    const dir = copyOfMigrations();
    const manifest = withNewMigrations(dir, {});
    fs.appendFileSync(path.join(dir, "0000_init.sql"), "\n-- a late fix\n");
    fs.appendFileSync(path.join(dir, "meta", "0000_snapshot.json"), " ");
    const journalFile = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { when: number }[] };
    journal.entries[0]!.when += 1;
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.rmSync(path.join(dir, "meta", "0001_snapshot.json"));
    const check = checkMigrations(dir, manifest);
    expect(check.changed.sort()).toEqual(["0000_init.sql", "meta/0000_snapshot.json", "meta/0001_snapshot.json", "meta/_journal.json#0000_init"]);
    expect(explain(check)[0]).toMatch(/never edited.*new migration \(npm run db:generate\)/);
  });

  it("a new migration is unrecorded until recorded; recording never rewrites a released entry", () => {
    const dir = copyOfMigrations();
    const released = withNewMigrations(dir, {});
    fs.writeFileSync(path.join(dir, "0099_new.sql"), "select 1;\n");
    expect(checkMigrations(dir, released)).toEqual({ changed: [], unrecorded: ["0099_new.sql"] });
    expect(explain(checkMigrations(dir, released))).toEqual([expect.stringContaining("run `npm run db:manifest`")]);

    fs.appendFileSync(path.join(dir, "0000_init.sql"), "-- edited\n");
    const recorded = withNewMigrations(dir, released);
    expect(recorded["0099_new.sql"]).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded["0000_init.sql"]).toBe(released["0000_init.sql"]);
    expect(checkMigrations(dir, recorded)).toEqual({ changed: ["0000_init.sql"], unrecorded: [] });
  });
});
