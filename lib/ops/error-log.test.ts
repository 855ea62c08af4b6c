import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { appendErrorLine, errorLogFile, isErrorLine, recentErrors } from "./error-log";

it("keeps error lines, newest first, and stays bounded", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-errlog-"));
  try {
    expect(isErrorLine('[web] {"level":50,"msg":"boom"}')).toBe(true);
    expect(isErrorLine('[web] {"level":30,"msg":"fine"}')).toBe(false);
    expect(isErrorLine("✖ Daily backup failed: disk full")).toBe(true);
    appendErrorLine(dir, "first");
    appendErrorLine(dir, "second");
    expect(recentErrors(dir).map((l) => l.split(" ").slice(1).join(" "))).toEqual(["second", "first"]);
    const big = "x".repeat(2000);
    for (let i = 0; i < 300; i++) appendErrorLine(dir, big);
    expect(fs.statSync(errorLogFile(dir)).size).toBeLessThan(300 * 1024);
    expect(fs.existsSync(`${errorLogFile(dir)}.1`)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
