import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { connectBoard } from "./testing/board-client";
import { expectReply, waitFor } from "./testing/replies";
import { startDatabaseProxy, type DatabaseProxy } from "./testing/tcp-proxy";

const root = path.resolve(import.meta.dirname, "..");

/** `npm run start:broker` as a child process; resolves with its MQTT port once it listens. */
async function startMain(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "device-broker", "main.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "info", MQTT_PORT: "0", MQTT_HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  let port = 0;
  await waitFor(
    "the broker to listen",
    async () => {
      const match = /"port":(\d+)[^\n]*device broker listening/.exec(out);
      if (match) port = Number(match[1]);
      if (child.exitCode !== null) throw new Error(`broker exited:\n${out}`);
      return port > 0;
    },
    60_000,
  );
  return { child, port, output: () => out };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

let t: DemoDatabase;
let proxy: DatabaseProxy;
let dataDir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  t = await createDemoDatabase();
  proxy = await startDatabaseProxy(t.url);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-kill-"));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await proxy.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("broker killed with SIGKILL while the database is down", () => {
  // Two broker processes start and stop in it: a test budget for a busy machine, not a timed assertion.
  it("loses nothing it acknowledged: the restarted broker drains the spool, each session recorded once", { timeout: 120_000 }, async () => {
    const env = { DATABASE_URL: proxy.url, DATA_DIR: dataDir };
    const first = await startMain(env);
    children.push(first.child);
    const board = await connectBoard(first.port, 601);
    try {
      await expectReply(
        board,
        1,
        { action: "checkuser", uid: "efbeadde" },
        '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}',
      );
      await proxy.cut();
      await expectReply(board, 1, '{"action":"startuse","uid":"efbeadde"}', '{"request_ok":true,"message":""}');
      await expectReply(board, 1, '{"action":"stopuse","uid":"efbeadde","duration":2400}', '{"request_ok":true,"message":"Duration 2400 seconds"}');
      await expectReply(board, 3, '{"action":"stopuse","uid":"a0000001","duration":900,"replay":true}', '{"request_ok":true,"message":"Duration 900 seconds"}');
    } finally {
      await board.endAsync(true);
    }
    first.child.kill("SIGKILL");
    await exited(first.child);
    const spooled = fs
      .readFileSync(path.join(dataDir, "spool", "events.jsonl"), "utf8")
      .trim()
      .split("\n");
    // The boards' alives (telemetry) may be spooled as well, depending on when the database went away.
    expect(spooled.map((line) => JSON.parse(line).kind).filter((kind) => kind !== "alive")).toEqual(["startuse", "stopuse", "stopuse"]);

    await proxy.restore();
    const second = await startMain(env);
    children.push(second.child);
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const [cnc] = await t.db.select().from(machines).where(eq(machines.boardId, 3));
    const sessions = (machineId: number, uid: string) =>
      t.db
        .select()
        .from(usageSessions)
        .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid)));
    await waitFor("the spool to be drained", async () => fs.statSync(path.join(dataDir, "spool", "events.jsonl")).size === 0, 60_000);
    expect((await sessions(laser!.id, "efbeadde")).map((s) => [s.durationSeconds, s.endedBecause])).toEqual([[2400, "stop"]]);
    expect((await sessions(cnc!.id, "a0000001")).map((s) => [s.durationSeconds, s.recordedAs])).toEqual([[900, "replayed"]]);
    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(second.output()).toMatch(/spool left by a previous run/);
    expect(second.output()).not.toMatch(/unhandled rejection/);
  });
});
