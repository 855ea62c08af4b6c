import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBrokerBundle } from "./launcher/broker-bundle";
import { START_TIMING } from "./launcher/start-timing";
import { freePort } from "./testing/free-port";
import { runLauncher } from "./testing/launcher-process";

// Each case must end with one clear line and exit 1, never a stack trace.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ms-launcher-errors-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
// Compiled, as `npm start` runs it, and bundled once here: through tsx each case first compiled the launcher, which
// took most of the 30 s a case has on a loaded machine.
beforeAll(() => ensureBrokerBundle(path.resolve(import.meta.dirname, ".."), "launcher"));

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
