import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { backupFileName } from "./backup/format";
import { dailyBackupDue } from "./backup-scheduler";

it("a daily backup is due when there is none or the last regular one is a day old", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-due-"));
  try {
    const now = new Date("2026-05-10T12:00:00Z");
    expect(dailyBackupDue(dir, now)).toBe(true);
    fs.writeFileSync(path.join(dir, backupFileName(new Date("2026-05-10T03:00:00Z"), "pre-upgrade")), "");
    expect(dailyBackupDue(dir, now)).toBe(true);
    fs.writeFileSync(path.join(dir, backupFileName(new Date("2026-05-09T20:00:00Z"), "manual")), "");
    expect(dailyBackupDue(dir, now)).toBe(false);
    expect(dailyBackupDue(dir, new Date("2026-05-10T20:00:00Z"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
