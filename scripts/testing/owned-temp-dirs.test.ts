import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { ownedTempDir, UNNAMED_STALE_MS } from "./owned-temp-dirs";

const parent = fs.mkdtempSync(path.join(os.tmpdir(), "ms-owned-"));
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

it("removes what killed runs left (their process gone, or no process id and over an hour old), keeps a live run's", () => {
  // A process id that certainly ended: a child that has exited.
  const gone = spawnSync(process.execPath, ["-e", ""]).pid;
  for (const name of [`ms-x-${gone}-dead`, "ms-x-AbC123", "ms-x-InUse9", `ms-x-${process.ppid}-live`, "other-1-kept"]) fs.mkdirSync(path.join(parent, name));
  // Named without a process id by older code: one left two hours ago, one a concurrent run is using now.
  const twoHoursAgo = new Date(Date.now() - 2 * UNNAMED_STALE_MS);
  fs.utimesSync(path.join(parent, "ms-x-AbC123"), twoHoursAgo, twoHoursAgo);
  const mine = ownedTempDir(parent, "ms-x-");
  expect(path.basename(mine)).toMatch(new RegExp(`^ms-x-${process.pid}-`));
  expect(fs.readdirSync(parent).sort()).toEqual(["ms-x-InUse9", `ms-x-${process.ppid}-live`, path.basename(mine), "other-1-kept"].sort());
});
