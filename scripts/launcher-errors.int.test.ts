import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBrokerBundle } from "./launcher/broker-bundle";
import { USE_EXISTING_BUILD } from "./launcher/build";
import { START_TIMING } from "./launcher/start-timing";
import { freePort } from "./testing/free-port";
import { ownedTempDir } from "./testing/owned-temp-dirs";
import { runLauncher } from "./testing/launcher-process";

// Each case must end with one clear line and exit 1, never a stack trace. (What a killed run left is removed first.)
const tmp = ownedTempDir(os.tmpdir(), "ms-launcher-errors-");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
// Compiled, as `npm start` runs it, and bundled once here: through tsx each case first compiled the launcher, which
// took most of the 30 s a case has on a loaded machine.
const root = path.resolve(import.meta.dirname, "..");
let bundle = "";
beforeAll(async () => {
  bundle = await ensureBrokerBundle(root, "launcher");
});

/** Resolves with the output. */
async function failsClearly(env: Record<string, string>, message: RegExp): Promise<string> {
  const run = runLauncher(env, { compiled: true });
  expect(await run.exited).toBe(1);
  expect(run.output()).toMatch(message);
  expect(run.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return run.output();
}

describe("npm start refuses bad setups with a clear message", () => {
  it("when the web port is taken", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) => blocker.listen(0, "0.0.0.0", () => r((blocker.address() as net.AddressInfo).port)));
    try {
      await failsClearly(
        { DATA_DIR: path.join(tmp, "a"), PORT: String(port), MQTT_PORT: String(await freePort()) },
        new RegExp(`Port ${port} for the web server is already in use.*PORT=`),
      );
    } finally {
      blocker.close();
    }
  });

  it("when the MQTT port is taken", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) => blocker.listen(0, "0.0.0.0", () => r((blocker.address() as net.AddressInfo).port)));
    try {
      await failsClearly(
        { DATA_DIR: path.join(tmp, "b"), PORT: String(await freePort()), MQTT_PORT: String(port) },
        /board broker \(MQTT\) is already in use.*MQTT_PORT=/,
      );
    } finally {
      blocker.close();
    }
  });

  it("when DATA_DIR is not writable", async () => {
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "not a folder");
    await failsClearly(
      { DATA_DIR: path.join(file, "data"), PORT: String(await freePort()), MQTT_PORT: String(await freePort()) },
      /DATA_DIR .* is not writable/,
    );
  });

  it("when the port is taken, DATA_DIR is not left locked", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) => blocker.listen(0, "0.0.0.0", () => r((blocker.address() as net.AddressInfo).port)));
    try {
      const dataDir = path.join(tmp, "locked");
      await failsClearly({ DATA_DIR: dataDir, PORT: String(port), MQTT_PORT: String(await freePort()) }, /already in use/);
      expect(fs.existsSync(path.join(dataDir, "launcher.pid"))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("when the launcher's database code cannot be loaded (a chunk of its bundle missing): the web server is stopped", { timeout: 120_000 }, async () => {
    // A copy of the bundle beside the real one (same depth: its paths to the sources stay right) without the chunk
    // the launcher imports once the web server is spawned (scripts/launcher/database-stage.ts).
    const copy = ownedTempDir(path.dirname(path.dirname(bundle)), "ms-launcher-errors-");
    try {
      for (const name of fs.readdirSync(path.dirname(bundle))) {
        if (name.endsWith(".mjs")) fs.copyFileSync(path.join(path.dirname(bundle), name), path.join(copy, name));
      }
      const later = [...fs.readFileSync(bundle, "utf8").matchAll(/\bimport\("\.\/([^"]+)"\)/g)].map((m) => m[1]!);
      expect(later.length).toBeGreaterThan(0);
      for (const chunk of later) fs.rmSync(path.join(copy, chunk));
      const dataDir = path.join(tmp, "chunk");
      const { DATABASE_URL: _url, NODE_ENV: _nodeEnv, ...inherited } = process.env;
      const env: Record<string, string | undefined> = {
        ...inherited,
        LOG_LEVEL: "warn",
        [START_TIMING]: "1",
        // The build as it is: a checkout newer than its build would otherwise be rebuilt first (minutes).
        [USE_EXISTING_BUILD]: "1",
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        MQTT_PORT: String(await freePort()),
      };
      const child = spawn(process.execPath, [path.join(copy, "launcher.mjs")], {
        cwd: root,
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code, output).toBe(1);
      expect(output).toMatch(/web started/);
      expect(output).toMatch(/✖ The launcher's database code could not be loaded .*npm ci/);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      // Stopped through the launcher's shutdown: no service left "running" on the system page, DATA_DIR unlocked,
      // and no process of this start left (the web server's environment names this DATA_DIR).
      expect(fs.existsSync(path.join(dataDir, "logs", "services.json"))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, "launcher.pid"))).toBe(false);
      expect(processesWith(`DATA_DIR=${dataDir}`)).toEqual([]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("when something fails after the preflight (an auth secret that cannot be read): one line, DATA_DIR unlocked", async () => {
    const dataDir = path.join(tmp, "secret");
    fs.mkdirSync(path.join(dataDir, "auth-secret"), { recursive: true });
    await failsClearly(
      { DATA_DIR: dataDir, PORT: String(await freePort()), MQTT_PORT: String(await freePort()), [USE_EXISTING_BUILD]: "1" },
      /✖ The auth secret .*auth-secret could not be read: it is a folder, not a file\. Move the folder away/,
    );
    expect(fs.existsSync(path.join(dataDir, "launcher.pid"))).toBe(false);
  });

  it("when the database is unreachable", async () => {
    const closed = await freePort();
    const output = await failsClearly(
      {
        // Each step of the start printed: which ones came before the refusal.
        [START_TIMING]: "1",
        DATA_DIR: path.join(tmp, "c"),
        PORT: String(await freePort()),
        MQTT_PORT: String(await freePort()),
        DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${closed}/nothing`,
      },
      /Cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1/,
    );
    // Said in the preflight: no web build made or checked (minutes without one), no web server started for nothing.
    expect(output).toMatch(/launcher loaded/);
    expect(output).not.toMatch(/preflight checked|web build checked|No web build yet|\[web\]/);
  });
});

/** Pids of the processes whose environment holds `entry` (Linux). */
function processesWith(entry: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(entry);
      } catch {
        return false; // gone, or not ours
      }
    })
    .map(Number);
}
