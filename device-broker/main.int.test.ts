import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { waitFor } from "@/lib/testing/wait-for";
import { ask, connectBoard } from "./testing/board-client";

const root = path.resolve(import.meta.dirname, "..");
// The broker spools under DATA_DIR: a directory of this test's own, never the work tree's ./data.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-main-"));
const emptyDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-main-empty-"));

/** Runs `npm run start:broker` as the launcher does; resolves with its exit code and output. */
function runMain(env: Record<string, string>, whileRunning?: (output: () => string) => Promise<void>) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "device-broker", "main.ts")], {
    cwd: root,
    // Only what the test sets: a DATABASE_URL from the developer's shell must not leak in.
    env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "info", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return (async () => {
    if (whileRunning) {
      try {
        await whileRunning(() => out);
      } finally {
        child.kill("SIGTERM");
      }
    }
    return { code: await exited, output: out };
  })();
}

/** The first group of `pattern` (or the whole match) once the output holds it. */
const outputMatch = (read: () => string, pattern: RegExp, timeoutMs = 20_000) =>
  waitFor(
    `${pattern} in the output`,
    () => {
      const m = pattern.exec(read());
      return m && (m[1] ?? m[0]);
    },
    { timeoutMs, detail: read },
  );

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(emptyDataDir, { recursive: true, force: true });
});

describe("npm run start:broker", () => {
  it("serves boards from DATABASE_URL and stops cleanly on SIGTERM", async () => {
    const result = await runMain({ DATABASE_URL: t.url, MQTT_PORT: "0", MQTT_HOST: "127.0.0.1" }, async (output) => {
      const port = Number(await outputMatch(output, /"port":(\d+)[^\n]*device broker listening/));
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
    const result = await runMain({ DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none", MQTT_PORT: "0", MQTT_HOST: "127.0.0.1" }, async (output) => {
      const port = Number(await outputMatch(output, /"port":(\d+)[^\n]*device broker listening/));
      expect(output()).toMatch(
        /Cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: [^"]*; starting from the saved decision snapshot/,
      );
      expect(output()).toMatch(/deciding from the snapshot saved \d+ min ago/);
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
    const result = await runMain({ DATABASE_URL: t.url, MQTT_PORT: "0", MQTT_HOST: "127.0.0.1", DATA_DIR: path.join(file, "data") }, async (output) => {
      const port = Number(await outputMatch(output, /"port":(\d+)[^\n]*device broker listening/));
      expect(output()).toMatch(/the spool cannot be written; board facts go straight to the database/);
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
