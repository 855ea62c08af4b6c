import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { auditLog, machines, people } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { SAMPLE_PATH } from "@/lib/domain/import/fabomatic/testing/fabomatic-fixture";
import { runScript } from "./testing/run-script";

// `npm run import:fabomatic` as an admin runs it: a child process, its dry run, its question, its exit code.
let target: TestDatabase;

const run = (args: string[]) => runScript("import-fabomatic.ts", [...args], { DATABASE_URL: target.url });

beforeAll(async () => {
  target = await createTestDatabase();
  await ensureReferenceData(target.db);
});
afterAll(() => target?.close());

const peopleCount = async () => (await target.db.select({ n: count() }).from(people))[0]!.n;

describe("npm run import:fabomatic", () => {
  it("prints the dry run and stops without --yes; imports with it; the same file again has nothing to do", { timeout: 180_000 }, async () => {
    const dry = await run([SAMPLE_PATH]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/People\s+41\s+0\s+0\s+1\s+0\s+0/);
    expect(dry.out).toContain("Fab-O-Matic's placeholder for anonymised records");
    expect(dry.out).toContain("Dry run only");
    expect(await peopleCount()).toBe(0);

    const applied = await run([SAMPLE_PATH, "--yes"]);
    expect(applied.out).toContain("✔ Import finished");
    expect(applied.code).toBe(0);
    expect(await peopleCount()).toBe(41);
    expect((await target.db.select().from(machines).where(eq(machines.boardId, 233))).length).toBe(1);
    const [entry] = await target.db.select().from(auditLog).where(eq(auditLog.changeType, "import.fabomatic"));
    expect(entry).toMatchObject({ actorId: null, after: expect.objectContaining({ via: "command line", fileName: "sample.sqldb" }) });

    const again = await run([SAMPLE_PATH, "--yes"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("Nothing to do");
  });

  it("refuses a file that is not a Fab-O-Matic database with a clear message and exit code 1", { timeout: 60_000 }, async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ms-fab-cli-")), "people.csv");
    fs.writeFileSync(file, "firstName,lastName\nAda,Lovelace\n".repeat(10));
    const result = await run([file, "--yes"]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("✖ Import failed, nothing was imported: This is not a SQLite database file.");
  });
});
