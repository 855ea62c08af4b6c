import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { USE_EXISTING_BUILD, ensureBuild, sourcesChangedSince } from "./build";
import { StartupError } from "./startup-error";

const roots: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
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

describe("ensureBuild (npm start, npm test)", () => {
  it("finds a source deleted between its build and the first check (the build keeps the list of its sources)", async () => {
    const root = checkout();
    for (const file of ["app/page.tsx", "app/old/page.tsx"]) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "source");
    }
    // A stand-in for `next build`: a BUILD_ID, and a line per build.
    const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
    fs.mkdirSync(path.dirname(next), { recursive: true });
    fs.writeFileSync(
      next,
      `const fs = require("node:fs"); fs.mkdirSync(".next", { recursive: true }); fs.writeFileSync(".next/BUILD_ID", "id"); fs.appendFileSync("builds", "built\\n");`,
    );
    const builds = () => fs.readFileSync(path.join(root, "builds"), "utf8").split("\n").filter(Boolean).length;
    expect(await ensureBuild(root, () => {})).toBe(true);
    fs.rmSync(path.join(root, "app", "old"), { recursive: true });
    expect(await ensureBuild(root, () => {})).toBe(true);
    expect(builds()).toBe(2);
    expect(await ensureBuild(root, () => {})).toBe(false);
  });
});

describe("sourcesChangedSince (is the web build fresh?)", () => {
  /** A checkout with nested sources and a build made a minute after them. */
  function built(): { root: string; builtAt: number } {
    const root = checkout();
    const past = new Date(Date.now() - 120_000);
    for (const file of ["app/page.tsx", "app/admin/people/page.tsx", "lib/domain/people.ts", "lib/domain/people.test.ts"]) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "source");
      fs.utimesSync(path.join(root, file), past, past);
    }
    for (const dir of ["app/admin/people", "app/admin", "app", "lib/domain", "lib"]) fs.utimesSync(path.join(root, dir), past, past);
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    const builtAt = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, ".next", "BUILD_ID"), builtAt, builtAt);
    return { root, builtAt: fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs };
  }

  it("after a check that found the build fresh, lists no folder again: the files it listed are looked at", () => {
    const { root, builtAt } = built();
    expect(sourcesChangedSince(root, builtAt)).toBe(false);
    const listed = vi.spyOn(fs, "readdirSync");
    expect(sourcesChangedSince(root, builtAt)).toBe(false);
    expect(listed).not.toHaveBeenCalled();
  });

  it("still finds a source changed in place, a file added to a nested folder, a new source folder, a root file", () => {
    const change: ((root: string) => void)[] = [
      (root) => fs.writeFileSync(path.join(root, "app", "admin", "people", "page.tsx"), "changed in place"),
      (root) => fs.writeFileSync(path.join(root, "lib", "domain", "new-rule.ts"), "added"),
      (root) => {
        fs.mkdirSync(path.join(root, "components", "ui"), { recursive: true });
        fs.writeFileSync(path.join(root, "components", "ui", "button.tsx"), "added");
      },
      (root) => fs.writeFileSync(path.join(root, "proxy.ts"), "changed"),
    ];
    for (const [i, make] of change.entries()) {
      const { root, builtAt } = built();
      expect(sourcesChangedSince(root, builtAt)).toBe(false);
      make(root);
      expect(sourcesChangedSince(root, builtAt), `change ${i}`).toBe(true);
    }
  });

  it("finds a source deleted or renamed (mv keeps its time) after a check that found the build fresh", () => {
    const change: ((root: string) => void)[] = [
      (root) => fs.rmSync(path.join(root, "app", "admin", "people", "page.tsx")),
      (root) => fs.renameSync(path.join(root, "lib", "domain", "people.ts"), path.join(root, "lib", "domain", "persons.ts")),
      (root) => fs.renameSync(path.join(root, "app", "admin", "people"), path.join(root, "app", "admin", "members")),
    ];
    for (const [i, make] of change.entries()) {
      const { root, builtAt } = built();
      expect(sourcesChangedSince(root, builtAt)).toBe(false);
      make(root);
      expect(sourcesChangedSince(root, builtAt), `change ${i}`).toBe(true);
      expect(sourcesChangedSince(root, builtAt), `change ${i}, checked again`).toBe(true);
    }
    // A new source moved in with an old time (mv, tar x, rsync -t): no file is newer, the walk holds one the list lacks.
    const moved = built();
    expect(sourcesChangedSince(moved.root, moved.builtAt)).toBe(false);
    const outside = path.join(moved.root, "incoming.ts");
    fs.writeFileSync(outside, "export const added = 1;");
    const old = new Date(moved.builtAt - 60_000);
    fs.utimesSync(outside, old, old);
    fs.renameSync(outside, path.join(moved.root, "lib", "domain", "added.ts"));
    expect(sourcesChangedSince(moved.root, moved.builtAt), "moved in with an old time").toBe(true);
    // A test file is no source of the build: deleting one changes nothing.
    const { root, builtAt } = built();
    expect(sourcesChangedSince(root, builtAt)).toBe(false);
    fs.rmSync(path.join(root, "lib", "domain", "people.test.ts"));
    expect(sourcesChangedSince(root, builtAt)).toBe(false);
  });

  it("is not fooled by a test file (not part of the build) or by another build's list", () => {
    const { root, builtAt } = built();
    fs.writeFileSync(path.join(root, "lib", "domain", "new.test.ts"), "a test");
    expect(sourcesChangedSince(root, builtAt)).toBe(false);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "changed");
    // A newer build: its own check, not the older one's list.
    const rebuiltAt = Date.now() + 60_000;
    fs.utimesSync(path.join(root, ".next", "BUILD_ID"), new Date(rebuiltAt), new Date(rebuiltAt));
    expect(sourcesChangedSince(root, fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs)).toBe(false);
    fs.writeFileSync(path.join(root, "app", "admin", "people", "page.tsx"), "changed after the build");
    fs.utimesSync(path.join(root, "app", "admin", "people", "page.tsx"), new Date(rebuiltAt + 1_000), new Date(rebuiltAt + 1_000));
    expect(sourcesChangedSince(root, fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs)).toBe(true);
  });

  it("walks again over a damaged list (a partial write by another version, an edit)", () => {
    const { root, builtAt } = built();
    for (const damaged of [{ builtAt, dirs: 5, files: null }, { builtAt, dirs: [["app"]], files: "app/page.tsx" }, null, "text"]) {
      fs.writeFileSync(path.join(root, ".next", "makerspace-sources.json"), JSON.stringify(damaged));
      expect(sourcesChangedSince(root, builtAt)).toBe(false);
    }
    fs.writeFileSync(path.join(root, ".next", "makerspace-sources.json"), JSON.stringify({ builtAt, dirs: [], files: [] }));
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "changed");
    expect(sourcesChangedSince(root, builtAt)).toBe(true);
  });
});
