import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { waitFor } from "@/lib/testing/wait-for";
import { BROKER_NODE_FLAGS, ensureBrokerBundle } from "@/scripts/launcher/broker-bundle";
import { ask, connectBoard } from "./testing/board-client";

const root = path.resolve(import.meta.dirname, "..");
// The broker spools under DATA_DIR: a directory of this test's own, never the work tree's ./data.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-main-"));
const emptyDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-main-empty-"));

/** The broker as the launcher runs it: compiled (its bundle made once, in beforeAll), not through tsx. */
let brokerNodeArgs: string[];

/** Output so far, and whether the process has exited. */
interface Running {
  output: () => string;
  exited: () => boolean;
}

/** Runs `npm run start:broker` as the launcher does; resolves with its exit code and output. */
function runMain(env: Record<string, string>, whileRunning?: (running: Running) => Promise<void>) {
  const child = spawn(process.execPath, brokerNodeArgs, {
    cwd: root,
    // Only what the test sets: a DATABASE_URL from the developer's shell must not leak in.
    env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "info", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      gone = true;
      resolve(code);
    }),
  );
  return (async () => {
    if (whileRunning) {
      try {
        await whileRunning({ output: () => out, exited: () => gone });
      } finally {
        child.kill("SIGTERM");
      }
    }
    return { code: await exited, output: out };
  })();
}

/**
 * The first group of `pattern` (or the whole match) once the output holds it; fails at once when the broker exits
 * first. The 60 s bound is for a stuck broker only: starting takes a second or two quiet, more on a loaded machine.
 */
const outputMatch = ({ output, exited }: Running, pattern: RegExp) =>
  waitFor(
    `${pattern} in the output`,
    () => {
      const m = pattern.exec(output());
      if (m) return m[1] ?? m[0];
      if (exited()) throw new Error(`the broker exited before ${pattern}:\n${output()}`);
      return null;
    },
    { timeoutMs: 60_000, detail: output },
  );

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
  brokerNodeArgs = [...BROKER_NODE_FLAGS, await ensureBrokerBundle(root, "main")];
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(emptyDataDir, { recursive: true, force: true });
});

describe("npm run start:broker", () => {
  it("serves boards from DATABASE_URL and stops cleanly on SIGTERM", { timeout: 90_000 }, async () => {
    const result = await runMain({ DATABASE_URL: t.url, MQTT_PORT: "0", MQTT_HOST: "127.0.0.1" }, async (running) => {
      const port = Number(await outputMatch(running, /"port":(\d+)[^\n]*device broker listening/));
      const board = await connectBoard(port, 401);
      try {
        const replies = await ask(board, 1, '{"action":"checkmachine"}');
        expect(JSON.parse(replies[0]!.text)).toMatchObject({ request_ok: true, name: "LASER 1" });
      } finally {
        await board.endAsync(true);
      }
    });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/device broker stopped/);
  });

  it("starts without its database from the snapshot the last run saved, and says so", { timeout: 90_000 }, async () => {
    // The first test ran against the database, so dataDir holds its saved snapshot.
    expect(fs.existsSync(path.join(dataDir, "broker", "snapshot.json"))).toBe(true);
    const result = await runMain({ DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none", MQTT_PORT: "0", MQTT_HOST: "127.0.0.1" }, async (running) => {
      const port = Number(await outputMatch(running, /"port":(\d+)[^\n]*device broker listening/));
      expect(running.output()).toMatch(
        /Cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: [^"]*; starting from the saved decision snapshot/,
      );
      expect(running.output()).toMatch(/deciding from the snapshot saved \d+ min ago/);
      const board = await connectBoard(port, 402);
      try {
        const replies = await ask(board, 1, '{"action":"checkuser","uid":"efbeadde"}');
        expect(replies.map((r) => r.text)).toEqual(['{"request_ok":true,"is_valid":true,"name":"Member","missing_auth":false,"level":1}']);
      } finally {
        await board.endAsync(true);
      }
    });
    expect(result.code).toBe(0);
    expect(result.output).not.toMatch(/secret|unhandled rejection/);
  });

  it("starts with a DATA_DIR it cannot write, answers boards and says why, without a stack trace", { timeout: 90_000 }, async () => {
    // A path below a regular file: no directory can be made there, root or not (a read-only mount behaves alike).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "broker-main-ro-")), "not-a-directory");
    fs.writeFileSync(file, "");
    onTestFinished(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const result = await runMain({ DATABASE_URL: t.url, MQTT_PORT: "0", MQTT_HOST: "127.0.0.1", DATA_DIR: path.join(file, "data") }, async (running) => {
      const port = Number(await outputMatch(running, /"port":(\d+)[^\n]*device broker listening/));
      expect(running.output()).toMatch(/the spool cannot be written; board facts go straight to the database/);
      const board = await connectBoard(port, 403);
      try {
        const replies = await ask(board, 1, '{"action":"checkuser","uid":"efbeadde"}');
        expect(replies.map((r) => r.text)).toEqual(['{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}']);
        const stop = await ask(board, 1, '{"action":"stopuse","uid":"efbeadde","duration":17}');
        expect(stop.map((r) => r.text)).toEqual(['{"request_ok":true,"message":"Duration 17 seconds"}']);
      } finally {
        await board.endAsync(true);
      }
    });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/device broker stopped/);
    expect(result.output).not.toMatch(/\n\s+at |unhandled rejection/);
  });

  it("says in one line that the MQTT port is taken", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, output } = await runMain({ DATABASE_URL: t.url, MQTT_PORT: String(port), MQTT_HOST: "127.0.0.1" });
      expect(code).toBe(1);
      expect(output.trim().split("\n").at(-1)).toBe(`✖ MQTT port ${port} is already in use; set MQTT_PORT`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it.each([
    ["no DATABASE_URL", {}, /^✖ DATABASE_URL is not set/],
    // No saved snapshot either (an empty DATA_DIR): nothing to serve boards from.
    [
      "an unreachable database and no saved snapshot",
      { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none", DATA_DIR: emptyDataDir },
      /^✖ Cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    ],
  ])("says in one line when there is %s", async (_case, env, expected) => {
    const { code, output } = await runMain(env);
    expect(code).toBe(1);
    expect(output.trim()).toMatch(expected);
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(output).not.toMatch(/secret/);
  });
});
