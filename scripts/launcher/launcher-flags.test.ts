import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LAUNCHER_NODE_FLAGS } from "./broker-bundle";

const root = path.resolve(import.meta.dirname, "..", "..");

// The launcher's V8 flags work only on node's command line: every way the launcher is started carries them.
describe("the launcher's V8 flags", () => {
  const command = `node ${LAUNCHER_NODE_FLAGS.join(" ")} scripts/start.mjs`;

  it("are on npm start's command line", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(command);
  });

  it("are on the systemd unit's command line", () => {
    const unit = fs.readFileSync(path.join(root, "deploy", "systemd", "makerspace.service"), "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/(.*)$/m);
    expect(/^ExecStart=\/usr\/bin\/(.*)$/m.exec(unit)![1]).toBe(command);
  });
});
