import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { recentErrors } from "./error-log";
import { spawnWithErrorLog } from "./error-log-child";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-errchild-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("passes a child's output through and keeps its error lines for the system page", async () => {
  const script = `
    console.log(JSON.stringify({ level: 30, msg: "all fine" }));
    console.log(JSON.stringify({ level: 50, msg: "board handler failed" }));
    console.error("✖ Cannot reach the database");
  `;
  const seen: string[] = [];
  const child = spawnWithErrorLog({
    command: process.execPath,
    args: ["-e", script],
    cwd: dir,
    env: process.env,
    dataDir: dir,
    out: (line, stream) => seen.push(`${stream}:${line}`),
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code).toBe(0);
  expect(seen).toContain("stdout:" + JSON.stringify({ level: 30, msg: "all fine" }));
  expect(seen).toContain("stderr:✖ Cannot reach the database");
  const kept = recentErrors(dir).join("\n");
  expect(kept).toContain("board handler failed");
  expect(kept).toContain("✖ Cannot reach the database");
  expect(kept).not.toContain("all fine");
});
