import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { USE_EXISTING_BUILD, ensureBuild } from "./build";
import { StartupError } from "./startup-error";

const roots: string[] = [];
afterEach(() => {
  delete process.env[USE_EXISTING_BUILD];
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function checkout(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ms-build-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "app"));
  return root;
}

describe(`ensureBuild with ${USE_EXISTING_BUILD}=1 (the benchmarks)`, () => {
  it("serves a stale build as it is: no rebuild under another process serving it, a note instead", async () => {
    const root = checkout();
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "old");
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, ".next", "BUILD_ID"), past, past);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "changed since the build");
    process.env[USE_EXISTING_BUILD] = "1";
    const lines: string[] = [];
    expect(await ensureBuild(root, (line) => lines.push(line))).toBe(false);
    expect(fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8")).toBe("old");
    expect(lines.join("\n")).toMatch(/sources changed since the web build/);
    expect(fs.existsSync(path.join(root, ".next-build.lock"))).toBe(false);
  });

  it("counts Next's files at the root (proxy.ts, instrumentation.ts) as sources of the build", async () => {
    for (const file of ["proxy.ts", "instrumentation.ts"]) {
      const root = checkout();
      fs.mkdirSync(path.join(root, ".next"));
      fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "old");
      const past = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(root, ".next", "BUILD_ID"), past, past);
      fs.writeFileSync(path.join(root, file), "changed since the build");
      process.env[USE_EXISTING_BUILD] = "1";
      const lines: string[] = [];
      await ensureBuild(root, (line) => lines.push(line));
      expect(lines.join("\n"), file).toMatch(/sources changed since the web build/);
    }
  });

  it("refuses to start without any build rather than making one", async () => {
    const root = checkout();
    process.env[USE_EXISTING_BUILD] = "1";
    await expect(ensureBuild(root, () => {})).rejects.toThrow(StartupError);
    expect(fs.existsSync(path.join(root, ".next"))).toBe(false);
  });
});
