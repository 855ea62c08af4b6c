import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { makeDataDirPrivate, mendDataDirModes } from "./private-data-dir";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-private-"));
const before = process.umask();
afterAll(() => {
  process.umask(before);
  fs.rmSync(dir, { recursive: true, force: true });
});

it("mends what an older version left readable, and what is created afterwards is private too", () => {
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, "backups"), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "backups", "old.msbackup.gz"), "x", { mode: 0o644 });
  fs.writeFileSync(path.join(dir, "auth-secret"), "s", { mode: 0o644 });
  makeDataDirPrivate(dir);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(dir, "backups")).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(dir, "backups", "old.msbackup.gz")).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  fs.mkdirSync(path.join(dir, "spool"));
  fs.writeFileSync(path.join(dir, "spool", "events.jsonl"), "{}\n");
  expect(fs.statSync(path.join(dir, "spool")).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(dir, "spool", "events.jsonl")).mode & 0o777).toBe(0o600);
});

it("mends the modes inside without blocking (what npm start does once the web server answers)", async () => {
  const inside = path.join(dir, "later");
  fs.mkdirSync(path.join(inside, "pgdata", "base"), { recursive: true });
  fs.chmodSync(path.join(inside, "pgdata"), 0o755);
  fs.writeFileSync(path.join(inside, "pgdata", "base", "1234"), "x");
  fs.chmodSync(path.join(inside, "pgdata", "base", "1234"), 0o666);
  await mendDataDirModes(dir);
  expect(fs.statSync(path.join(inside, "pgdata")).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(inside, "pgdata", "base", "1234")).mode & 0o777).toBe(0o600);
});
