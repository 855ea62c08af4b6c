import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { createBackup } from "./create-backup";
import { readBackup } from "./read-backup";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-listeners-"));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("writes a backup that waits for the disk many times without a MaxListenersExceededWarning", async () => {
  // Uploads that do not compress: each line fills the compressor's buffer, so each write waits for "drain".
  const uploads = path.join(dir, "uploads");
  fs.mkdirSync(uploads);
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(uploads, `photo-${i}.bin`), randomBytes(64 * 1024));
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on("warning", onWarning);
  try {
    const result = await createBackup(t.db, { dir: path.join(dir, "backups"), appVersion: "test", uploadsDir: uploads });
    expect(result.files).toBe(30);
    expect((await readBackup(result.file)).files).toHaveLength(30);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", onWarning);
  }
  expect(warnings).not.toContain("MaxListenersExceededWarning");
});
